package org.dangjian.review.orgreview;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.cycle.CycleStore;
import org.dangjian.review.org.OrgDirectory;
import org.dangjian.review.orgreview.OrgReviewViews.AssessmentView;
import org.dangjian.review.orgreview.OrgReviewViews.FeedbackView;
import org.dangjian.review.orgreview.OrgReviewViews.SubmissionView;
import org.dangjian.review.orgreview.OrgReviewViews.SubmitRequest;
import org.dangjian.review.problem.ProblemException;
import org.dangjian.review.report.DraftSnapshot;
import org.dangjian.review.report.ReportClient;
import org.dangjian.review.web.Caller;
import org.dangjian.review.web.CallerScope;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/** Submissions, reopenings, assessments and feedback: thin orchestration around {@link OrgReview}. */
@Service
public class OrgReviewService {

    private final CycleStore cycles;
    private final OrgReviewStore store;
    private final OrgDirectory orgs;
    private final CallerScope scope;
    private final ReportClient reports;
    private final Clock clock;
    private final JsonMapper json;

    public OrgReviewService(CycleStore cycles, OrgReviewStore store, OrgDirectory orgs, CallerScope scope,
            ReportClient reports, Clock clock, JsonMapper json) {
        this.cycles = cycles;
        this.store = store;
        this.orgs = orgs;
        this.scope = scope;
        this.reports = reports;
        this.clock = clock;
        this.json = json;
    }

    private Cycle cycleWith(String cycleId, String orgId) {
        Cycle cycle = cycles.get(cycleId);
        if (!cycle.includes(orgId)) {
            throw ProblemException.notFound("党组织 " + orgs.nameOf(orgId) + "（" + orgId + "）不在评议周期 " + cycleId
                    + " 的被评议范围内");
        }
        return cycle;
    }

    private ReviewEvents events(Cycle cycle) {
        return new ReviewEvents(cycle, orgs::nameOf, clock.instant());
    }

    /** The organisation itself (or anyone above it) submits. */
    public SubmissionView submit(String cycleId, String orgId, SubmitRequest request, Caller caller) {
        Cycle cycle = cycleWith(cycleId, orgId);
        scope.require(caller, orgId);
        boolean useDraft = Boolean.TRUE.equals(request.useDraft());
        if (useDraft && request.text() != null) {
            throw ProblemException.validation("text", "使用 useDraft 时不能同时提供 text");
        }
        if (!useDraft) {
            OrgReview.validateText(request.text());
        }
        DraftSnapshot draft = null;
        if (useDraft) {
            // refuse a late submission before bothering report-service
            store.find(cycleId, orgId).orElse(OrgReview.start(cycle, orgId))
                    .checkSubmissionAccepted(cycle, events(cycle));
            draft = reports.draft(orgId, cycle.year(), caller.forwardHeaders());
        }
        String text = useDraft ? draft.markdown() : request.text();
        SubmissionSource source = useDraft ? SubmissionSource.DRAFT : SubmissionSource.TEXT;
        String reportJson = useDraft ? draft.reportJson() : null;
        OrgReview r = store.change(cycle, orgId, caller.requestId(),
                review -> review.submit(cycle, text, source, reportJson, caller.actor(), events(cycle)));
        return submissionView(r);
    }

    public SubmissionView submission(String cycleId, String orgId, Caller caller) {
        cycleWith(cycleId, orgId);
        scope.require(caller, orgId);
        return store.find(cycleId, orgId).filter(r -> r.submission().isPresent()).map(this::submissionView)
                .orElseThrow(() -> ProblemException.notFound(orgs.nameOf(orgId) + "尚未提交述职报告"));
    }

    private SubmissionView submissionView(OrgReview r) {
        Submission s = r.submission().orElseThrow();
        return new SubmissionView(r.cycleId(), r.orgId(), r.year(), s.text(), s.source(), s.submittedAt(),
                s.submittedBy(), s.late(), s.version(), s.reportJson() == null ? null : json.readTree(s.reportJson()));
    }

    /** The committee reopens a submission after the deadline. */
    public OrgReviewViews.ReopenView reopen(String cycleId, String orgId, OrgReviewViews.ReopenRequest request,
            Caller caller) {
        Cycle cycle = cycleWith(cycleId, orgId);
        scope.require(caller, cycle.committeeOrgId());
        OrgReview r = store.change(cycle, orgId, caller.requestId(),
                review -> review.reopen(request.until(), events(cycle)));
        return new OrgReviewViews.ReopenView(cycleId, orgId, r.reopenedUntil().orElse(null));
    }

    /** Result of recording an assessment: whether it was new. */
    public record Assessed(boolean created, AssessmentView assessment) {
    }

    public Assessed assess(String cycleId, String orgId, String reviewerId, AssessmentInput input, boolean createOnly,
            Caller caller) {
        Cycle cycle = cycleWith(cycleId, orgId);
        scope.require(caller, cycle.committeeOrgId());
        boolean[] created = new boolean[1];
        OrgReview r = store.change(cycle, orgId, caller.requestId(), review -> {
            created[0] = review.assessment(reviewerId).isEmpty();
            return review.assess(cycle, reviewerId, input, createOnly, events(cycle));
        });
        return new Assessed(created[0], AssessmentView.of(r, r.assessment(reviewerId).orElseThrow()));
    }

    public List<AssessmentView> assessments(String cycleId, String orgId, Caller caller) {
        Cycle cycle = cycleWith(cycleId, orgId);
        scope.require(caller, cycle.committeeOrgId());
        return store.find(cycleId, orgId).map(r -> r.assessments().stream().map(a -> AssessmentView.of(r, a))
                .toList()).orElse(List.of());
    }

    public FeedbackView issueFeedback(String cycleId, String orgId, FeedbackInput input, Caller caller) {
        Cycle cycle = cycleWith(cycleId, orgId);
        scope.require(caller, cycle.committeeOrgId());
        OrgReview r = store.change(cycle, orgId, caller.requestId(), review -> review.issueFeedback(cycle, input,
                caller.actor(), () -> "rect-" + UUID.randomUUID(), events(cycle)));
        return FeedbackView.of(r, r.currentFeedback().orElseThrow());
    }

    /** All versions for one organisation in one cycle, newest first. */
    public List<FeedbackView> feedback(String cycleId, String orgId, Caller caller) {
        cycleWith(cycleId, orgId);
        scope.require(caller, orgId);
        return store.find(cycleId, orgId).map(OrgReviewService::versions).orElse(List.of());
    }

    /** What an organisation sees: its feedback across cycles, newest first, superseded versions included. */
    public List<FeedbackView> feedbackOf(String orgId, Caller caller) {
        scope.require(caller, orgId);
        return store.byOrg(orgId).stream().sorted(Comparator.comparingInt(OrgReview::year).reversed())
                .flatMap(r -> versions(r).stream()).toList();
    }

    private static List<FeedbackView> versions(OrgReview r) {
        return r.feedback().stream().sorted(Comparator.comparingInt(Feedback::version).reversed())
                .map(f -> FeedbackView.of(r, f)).toList();
    }
}
