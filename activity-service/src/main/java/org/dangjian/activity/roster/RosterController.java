package org.dangjian.activity.roster;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.org.OrgService;
import org.dangjian.activity.web.Caller;
import org.dangjian.contracts.activity.MemberStage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the roster; it is written only by member events posted to /api/activities. */
@RestController
public class RosterController {

    public record MemberView(String memberId, String name, String orgId, MemberStage stage, String stageLabel,
            LocalDate stageSince, LocalDate admittedOn, LocalDate probationEnds, Integer probationExtensionMonths,
            Member.Status status, String transferredTo) {

        static MemberView of(Member m) {
            return new MemberView(m.memberId(), m.name(), m.orgId(), m.stage(), m.stage().label(), m.stageSince(),
                    m.admittedOn(), m.stage() == MemberStage.PROBATIONARY ? m.probationEnds() : null,
                    m.probationExtensionMonths(), m.status(), m.transferredTo());
        }
    }

    private final MemberStore members;
    private final OrgService orgs;

    public RosterController(MemberStore members, OrgService orgs) {
        this.members = members;
        this.orgs = orgs;
    }

    @GetMapping("/api/orgs/{orgId}/members")
    public List<MemberView> members(@PathVariable String orgId, HttpServletRequest request) {
        orgs.get(orgId, Caller.of(request));
        return members.activeIn(orgId).stream().map(MemberView::of).toList();
    }

    @GetMapping("/api/members/{memberId}")
    public MemberView member(@PathVariable String memberId, HttpServletRequest request) {
        Member m = members.find(memberId).orElseThrow(() -> ApiException.notFound("成员不存在：" + memberId));
        Caller caller = Caller.of(request);
        if (caller.scoped()) {
            orgs.checkScope(m.orgId(), caller);
        }
        return MemberView.of(m);
    }
}
