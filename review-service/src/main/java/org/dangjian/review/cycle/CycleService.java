package org.dangjian.review.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.review.cycle.CycleViews.AssessmentSummary;
import org.dangjian.review.cycle.CycleViews.CycleListItem;
import org.dangjian.review.cycle.CycleViews.CycleView;
import org.dangjian.review.cycle.CycleViews.OrgProgress;
import org.dangjian.review.cycle.CycleViews.Totals;
import org.dangjian.review.org.OrgDirectory;
import org.dangjian.review.org.OrgNode;
import org.dangjian.review.orgreview.Assessment;
import org.dangjian.review.orgreview.Feedback;
import org.dangjian.review.orgreview.OrgReview;
import org.dangjian.review.orgreview.OrgReviewStore;
import org.dangjian.review.orgreview.Rating;
import org.dangjian.review.orgreview.ReviewEvents;
import org.dangjian.review.orgreview.Submission;
import org.dangjian.review.rectification.RectificationStatus;
import org.dangjian.review.web.Caller;
import org.dangjian.review.web.CallerScope;
import org.springframework.stereotype.Service;

/** Opening cycles and reading their progress. */
@Service
public class CycleService {

    private final CycleStore cycles;
    private final OrgReviewStore reviews;
    private final OrgDirectory orgs;
    private final CallerScope scope;
    private final Clock clock;

    public CycleService(CycleStore cycles, OrgReviewStore reviews, OrgDirectory orgs, CallerScope scope, Clock clock) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.orgs = orgs;
        this.scope = scope;
        this.clock = clock;
    }

    public Cycle open(OpenCycleRequest request, Caller caller) {
        CycleRules.validate(request);
        scope.require(caller, request.committeeOrgId());
        Set<String> ids = new HashSet<>(request.orgIds());
        ids.add(request.committeeOrgId());
        CycleRules.checkSubtree(request, orgs.findAll(ids));
        Instant now = clock.instant();
        Cycle cycle = CycleRules.open("cyc-" + UUID.randomUUID(), request, now, caller.actor());
        ReviewEvents events = new ReviewEvents(cycle, orgs::nameOf, now);
        List<ReviewEvent> opened = cycle.orgIds().stream().map(events::cycleOpened).toList();
        cycles.insert(cycle, opened, caller.requestId());
        return cycle;
    }

    /** A cycle addressed by id: its committee must be within the caller's reach. */
    public Cycle get(String cycleId, Caller caller) {
        Cycle cycle = cycles.get(cycleId);
        scope.require(caller, cycle.committeeOrgId());
        return cycle;
    }

    public List<CycleListItem> list(String committeeOrgId, Caller caller) {
        scope.require(caller, committeeOrgId);
        return cycles.byCommittee(committeeOrgId).stream().map(c -> new CycleListItem(c.cycleId(),
                c.committeeOrgId(), c.year(), c.orgIds().size(), c.submissionDeadline(), c.reviewDeadline(),
                c.openedAt())).toList();
    }

    public CycleView view(String cycleId, Caller caller) {
        Cycle cycle = get(cycleId, caller);
        Map<String, OrgReview> byOrg = reviews.byCycle(cycleId).stream()
                .collect(Collectors.toMap(OrgReview::orgId, Function.identity()));
        Map<String, OrgNode> nodes = orgs.findAll(cycle.orgIds());
        List<OrgProgress> progress = new ArrayList<>();
        Map<Rating, Integer> distribution = new EnumMap<>(Rating.class);
        int submitted = 0;
        int late = 0;
        int assessed = 0;
        int issued = 0;
        int open = 0;
        int verified = 0;
        for (String orgId : cycle.orgIds()) {
            OrgReview r = byOrg.getOrDefault(orgId, OrgReview.start(cycle, orgId));
            Submission s = r.submission().orElse(null);
            Feedback f = r.currentFeedback().orElse(null);
            Map<Rating, Integer> reviewerRatings = new EnumMap<>(Rating.class);
            List<AssessmentSummary> summaries = new ArrayList<>();
            for (Assessment a : r.assessments()) {
                reviewerRatings.merge(a.rating(), 1, Integer::sum);
                summaries.add(new AssessmentSummary(a.reviewerId(), a.rating(), a.updatedAt(), a.revision()));
            }
            int liveItems = (int) r.rectifications().stream().filter(x -> x.status().isLive()).count();
            verified += (int) r.rectifications().stream()
                    .filter(x -> x.status() == RectificationStatus.VERIFIED).count();
            open += liveItems;
            if (s != null) {
                submitted++;
                late += s.late() ? 1 : 0;
            }
            assessed += summaries.isEmpty() ? 0 : 1;
            if (f != null) {
                issued++;
                distribution.merge(f.rating(), 1, Integer::sum);
            }
            OrgNode node = nodes.get(orgId);
            progress.add(new OrgProgress(orgId, node == null ? orgId : node.displayName(), s != null,
                    s == null ? null : s.submittedAt(), s == null ? null : s.source(),
                    s == null ? null : s.version(), s != null && s.late(), r.reopenedUntil().orElse(null), summaries,
                    summaries.stream().map(AssessmentSummary::reviewerId).toList(), reviewerRatings, f != null,
                    f == null ? null : f.version(), f == null ? null : f.rating(),
                    f == null ? null : f.issuedAt(), liveItems));
        }
        return new CycleView(cycle.cycleId(), cycle.committeeOrgId(), orgs.nameOf(cycle.committeeOrgId()),
                cycle.year(), cycle.orgIds(), cycle.submissionDeadline(), cycle.reviewDeadline(), cycle.dimensions(),
                cycle.openedAt(), cycle.openedBy(),
                new Totals(cycle.orgIds().size(), submitted, late, assessed, issued, open, verified), distribution,
                progress);
    }
}
