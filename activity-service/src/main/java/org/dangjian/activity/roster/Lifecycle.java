package org.dangjian.activity.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.dangjian.activity.error.ApiException;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MemberEvent;
import org.dangjian.contracts.activity.MemberMilestone;
import org.dangjian.contracts.activity.MemberRegistered;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.activity.MemberTransfer;
import org.dangjian.contracts.activity.ProbationExtended;

/**
 * The rules of 发展党员: which step may follow which, and when. Given the member as the roster has them (null when
 * unknown), the organisation posting, the event and its date (Asia/Shanghai), returns the member after the
 * step or refuses with a 422 whose detail says why, in Chinese.
 */
public final class Lifecycle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Lifecycle() {
    }

    public static Member apply(Member current, String orgId, ActivityType type, MemberEvent event, LocalDate date) {
        return switch (type) {
            case MEMBER_REGISTERED -> register(current, orgId, (MemberRegistered) event, date);
            case APPLICATION_RECEIVED -> apply(current, orgId, (MemberMilestone) event, date);
            case ACTIVIST_DESIGNATED -> step(current, orgId, date, MemberStage.APPLICANT, MemberStage.ACTIVIST,
                    "只有入党申请人可以确定为入党积极分子");
            case DEVELOPMENT_TARGET_DESIGNATED -> developmentTarget(current, orgId, date);
            case MEMBER_ADMITTED -> admit(current, orgId, date);
            case MEMBER_CONFIRMED -> confirm(current, orgId, date);
            case PROBATION_EXTENDED -> extend(current, orgId, (ProbationExtended) event, date);
            case MEMBER_TRANSFERRED_OUT -> transferOut(current, orgId, (MemberTransfer) event, date);
            case MEMBER_TRANSFERRED_IN -> transferIn(current, orgId, (MemberTransfer) event, date);
            default -> throw new IllegalArgumentException(type + " is not a member event");
        };
    }

    private static Member register(Member current, String orgId, MemberRegistered e, LocalDate date) {
        if (current != null) {
            throw ApiException.illegalTransition("payload.memberId", "成员 " + e.memberId() + " 已在名册中，不能重复登记");
        }
        if (e.since().isAfter(date)) {
            throw ApiException.illegalTransition("payload.since", "进入当前阶段的日期不能晚于登记日期");
        }
        LocalDate admitted = e.stage().isPartyMember() && e.stage() == MemberStage.PROBATIONARY ? e.since() : null;
        return new Member(e.memberId(), e.name(), orgId, e.stage(), e.since(), null, admitted, null,
                Member.Status.ACTIVE, null);
    }

    private static Member apply(Member current, String orgId, MemberMilestone e, LocalDate date) {
        if (current != null) {
            throw ApiException.illegalTransition("payload.memberId", "成员 " + e.memberId() + " 已在名册中（"
                    + current.stage().label() + "），不能再次递交入党申请");
        }
        if (e.birthDate().plusYears(18).isAfter(date)) {
            throw ApiException.illegalTransition("payload.birthDate", "入党申请人须年满18周岁");
        }
        return new Member(e.memberId(), e.name(), orgId, MemberStage.APPLICANT, date, e.birthDate(), null, null,
                Member.Status.ACTIVE, null);
    }

    private static Member developmentTarget(Member current, String orgId, LocalDate date) {
        Member m = step(current, orgId, date, MemberStage.ACTIVIST, MemberStage.DEVELOPMENT_TARGET,
                "只有入党积极分子可以确定为发展对象");
        LocalDate earliest = current.stageSince().plusYears(1);
        if (date.isBefore(earliest)) {
            throw ApiException.illegalTransition("occurredAt", "入党积极分子须经过一年以上培养教育，最早 "
                    + DAY.format(earliest) + " 可确定为发展对象");
        }
        return m;
    }

    private static Member admit(Member current, String orgId, LocalDate date) {
        Member m = step(current, orgId, date, MemberStage.DEVELOPMENT_TARGET, MemberStage.PROBATIONARY,
                "只有发展对象可以接收为预备党员，不能越过发展对象阶段");
        return new Member(m.memberId(), m.name(), m.orgId(), m.stage(), date, m.birthDate(), date, null,
                m.status(), m.transferredTo());
    }

    private static Member confirm(Member current, String orgId, LocalDate date) {
        Member m = step(current, orgId, date, MemberStage.PROBATIONARY, MemberStage.FULL, "只有预备党员可以转正");
        LocalDate ends = current.probationEnds();
        if (ends != null && date.isBefore(ends)) {
            throw ApiException.illegalTransition("occurredAt", "预备期未满（预备期不能缩短），最早 "
                    + DAY.format(ends) + " 可以转正");
        }
        return m;
    }

    private static Member extend(Member current, String orgId, ProbationExtended e, LocalDate date) {
        requireIn(current, orgId, date);
        if (current.stage() != MemberStage.PROBATIONARY) {
            throw ApiException.illegalTransition("type", "只有预备党员可以延长预备期（当前：" + current.stage().label() + "）");
        }
        if (current.probationExtensionMonths() != null) {
            throw ApiException.illegalTransition("type", "预备期只能延长一次");
        }
        if (e.months() < 6 || e.months() > 12) {
            throw ApiException.illegalTransition("payload.months", "预备期延长时间须为6至12个月");
        }
        return new Member(current.memberId(), current.name(), current.orgId(), current.stage(),
                current.stageSince(), current.birthDate(), current.admittedOn(), e.months(), current.status(),
                current.transferredTo());
    }

    private static Member transferOut(Member current, String orgId, MemberTransfer e, LocalDate date) {
        requireIn(current, orgId, date);
        if (e.fromOrgId() != null && !e.fromOrgId().equals(orgId)) {
            throw ApiException.illegalTransition("payload.fromOrgId", "组织关系转出须由转出组织提交");
        }
        return new Member(current.memberId(), current.name(), current.orgId(), current.stage(),
                current.stageSince(), current.birthDate(), current.admittedOn(), current.probationExtensionMonths(),
                Member.Status.TRANSFERRED_OUT, e.toOrgId());
    }

    private static Member transferIn(Member current, String orgId, MemberTransfer e, LocalDate date) {
        if (e.toOrgId() != null && !e.toOrgId().equals(orgId)) {
            throw ApiException.illegalTransition("payload.toOrgId", "组织关系转入须由接收组织提交");
        }
        if (current == null) {
            if (e.name() == null || e.stage() == null || e.since() == null) {
                throw ApiException.unprocessable("payload.stage", "从系统外转入的成员须提供 name、stage 和 since");
            }
            LocalDate admitted = e.stage() == MemberStage.PROBATIONARY ? e.since() : null;
            return new Member(e.memberId(), e.name(), orgId, e.stage(), e.since(), null, admitted, null,
                    Member.Status.ACTIVE, null);
        }
        if (current.activeIn(orgId)) {
            throw ApiException.illegalTransition("payload.memberId", "成员 " + current.memberId() + " 已在本组织");
        }
        return new Member(current.memberId(), current.name(), orgId, current.stage(), current.stageSince(),
                current.birthDate(), current.admittedOn(), current.probationExtensionMonths(), Member.Status.ACTIVE,
                null);
    }

    private static Member step(Member current, String orgId, LocalDate date, MemberStage from, MemberStage to,
            String refusal) {
        requireIn(current, orgId, date);
        if (current.stage() != from) {
            throw ApiException.illegalTransition("type", refusal + "（当前：" + current.stage().label() + "）");
        }
        return current.withStage(to, date);
    }

    /** The member must be on this organisation's roster, and the step cannot predate their current stage. */
    static void requireIn(Member current, String orgId, LocalDate date) {
        if (current == null) {
            throw ApiException.unprocessable("payload.memberId", "成员不存在");
        }
        if (!current.activeIn(orgId)) {
            throw ApiException.illegalTransition("payload.memberId", "成员 " + current.memberId() + " 不在本组织名册中");
        }
        if (current.stageSince() != null && date.isBefore(current.stageSince())) {
            throw ApiException.illegalTransition("occurredAt", "日期早于成员进入当前阶段的日期（"
                    + DAY.format(current.stageSince()) + "）");
        }
    }

    /** Dues are paid by probationary and full members of this organisation only. */
    public static void checkDuesPayer(Member member, String orgId) {
        if (member == null) {
            throw ApiException.unprocessable("payload.memberId", "成员不存在");
        }
        if (!member.activeIn(orgId)) {
            throw ApiException.illegalTransition("payload.memberId", "成员 " + member.memberId() + " 不在本组织，不能在本组织交纳党费");
        }
        if (!member.stage().isPartyMember()) {
            throw ApiException.illegalTransition("payload.memberId", member.stage().label() + "尚未入党，不交纳党费");
        }
    }
}
