package org.dangjian.review.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.review.cycle.ChinaCalendar;
import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.cycle.CycleStore;
import org.dangjian.review.org.OrgDirectory;
import org.dangjian.review.orgreview.OrgReview;
import org.dangjian.review.orgreview.OrgReviewStore;
import org.dangjian.review.orgreview.ReviewEvents;
import org.dangjian.review.problem.ProblemException;
import org.dangjian.review.rectification.RectificationViews.CheckResult;
import org.dangjian.review.rectification.RectificationViews.PatchRequest;
import org.dangjian.review.rectification.RectificationViews.RectificationView;
import org.dangjian.review.web.Caller;
import org.dangjian.review.web.CallerScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Rectification items: the organisation's progress, the committee's verdict, and the overdue check. */
@Service
public class RectificationService {

    private static final Logger log = LoggerFactory.getLogger(RectificationService.class);

    private final CycleStore cycles;
    private final OrgReviewStore store;
    private final OrgDirectory orgs;
    private final CallerScope scope;
    private final Clock clock;

    public RectificationService(CycleStore cycles, OrgReviewStore store, OrgDirectory orgs, CallerScope scope,
            Clock clock) {
        this.cycles = cycles;
        this.store = store;
        this.orgs = orgs;
        this.scope = scope;
        this.clock = clock;
    }

    private LocalDate today() {
        return ChinaCalendar.today(clock.instant());
    }

    /** By organisation (or committee), optionally by statuses; WITHDRAWN items only when asked for explicitly. */
    public List<RectificationView> list(String orgId, String committeeOrgId, List<RectificationStatus> statuses,
            Caller caller) {
        List<OrgReview> reviews;
        if (orgId != null) {
            scope.require(caller, orgId);
            reviews = store.byOrg(orgId);
        } else if (committeeOrgId != null) {
            scope.require(caller, committeeOrgId);
            reviews = store.byCommittee(committeeOrgId);
        } else {
            throw ProblemException.validation("orgId", "必填：orgId 或 committeeOrgId 至少提供一个");
        }
        LocalDate today = today();
        List<RectificationView> out = new ArrayList<>();
        for (OrgReview r : reviews) {
            for (Rectification item : r.rectifications()) {
                boolean wanted = statuses == null || statuses.isEmpty()
                        ? item.status() != RectificationStatus.WITHDRAWN
                        : statuses.contains(item.status());
                if (wanted) {
                    out.add(view(r, item, today));
                }
            }
        }
        out.sort(Comparator.comparing(RectificationView::deadline).thenComparing(RectificationView::rectificationId));
        return out;
    }

    public RectificationView get(String rectificationId, Caller caller) {
        OrgReview r = byId(rectificationId);
        scope.require(caller, r.orgId());
        return view(r, r.rectification(rectificationId).orElseThrow(), today());
    }

    /**
     * The organisation's moves need the organisation within the caller's reach; the committee's (VERIFIED,
     * REJECTED) need the committee within it, so a branch cannot verify its own item.
     */
    public RectificationView move(String rectificationId, PatchRequest request, Caller caller) {
        OrgReview found = byId(rectificationId);
        scope.require(caller, found.orgId());
        if (request.status() != null
                && RectificationLifecycle.sideOf(request.status()) == RectificationLifecycle.Side.COMMITTEE) {
            scope.require(caller, found.committeeOrgId());
        }
        Cycle cycle = cycles.get(found.cycleId());
        OrgReview r = store.change(cycle, found.orgId(), caller.requestId(),
                review -> review.moveRectification(rectificationId, request.status(), request.evidence(),
                        request.comment(), caller.actor(), new ReviewEvents(cycle, orgs::nameOf, clock.instant())));
        return view(r, r.rectification(rectificationId).orElseThrow(), today());
    }

    /** Items of the committee's cycles that are overdue today. */
    public List<RectificationView> overdue(String committeeOrgId, Caller caller) {
        scope.require(caller, committeeOrgId);
        LocalDate today = today();
        List<RectificationView> out = new ArrayList<>();
        for (OrgReview r : store.byCommittee(committeeOrgId)) {
            for (Rectification item : r.rectifications()) {
                if (item.isOverdue(today)) {
                    out.add(view(r, item, today));
                }
            }
        }
        out.sort(Comparator.comparing(RectificationView::deadline).thenComparing(RectificationView::orgId));
        return out;
    }

    /** Daily, shortly after midnight in Beijing. Several instances may run it: the guarded write keeps it once. */
    @Scheduled(cron = "${dangjian.review.overdue-cron:0 15 0 * * *}", zone = "Asia/Shanghai")
    public void scheduledCheck() {
        CheckResult result = check(today());
        log.info("Overdue check as of {}: {} newly overdue", result.asOf(), result.published());
    }

    /** Publishes RECTIFICATION_OVERDUE once for each item overdue on {@code asOf} and not yet reported. */
    public CheckResult check(LocalDate asOf) {
        List<String> ids = new ArrayList<>();
        for (OrgReview candidate : store.withRectifications()) {
            if (!candidate.hasOverdueToNotify(asOf)) {
                continue;
            }
            Cycle cycle = cycles.get(candidate.cycleId());
            store.change(cycle, candidate.orgId(), null, review -> {
                List<ReviewEvent> events = review.markOverdue(asOf,
                        new ReviewEvents(cycle, orgs::nameOf, clock.instant()));
                events.forEach(e -> ids.add(e.rectification().rectificationId()));
                return events;
            });
        }
        return new CheckResult(asOf, ids.size(), ids);
    }

    private OrgReview byId(String rectificationId) {
        return store.byRectification(rectificationId)
                .orElseThrow(() -> ProblemException.notFound("整改事项不存在：" + rectificationId));
    }

    private RectificationView view(OrgReview r, Rectification i, LocalDate today) {
        return new RectificationView(i.rectificationId(), r.cycleId(), r.year(), r.orgId(), orgs.nameOf(r.orgId()),
                r.committeeOrgId(), i.problem(), i.measure(), i.deadline(), i.feedbackVersion(), i.status(),
                i.status().label(), i.evidence(), i.isOverdue(today), i.overdueNotified(), i.updatedAt(),
                i.history());
    }
}
