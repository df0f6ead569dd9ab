package org.dangjian.review.orgreview;

import java.util.List;

import org.dangjian.review.orgreview.OrgReviewService.Assessed;
import org.dangjian.review.orgreview.OrgReviewViews.AssessmentView;
import org.dangjian.review.orgreview.OrgReviewViews.FeedbackView;
import org.dangjian.review.orgreview.OrgReviewViews.ReopenRequest;
import org.dangjian.review.orgreview.OrgReviewViews.ReopenView;
import org.dangjian.review.orgreview.OrgReviewViews.SubmissionView;
import org.dangjian.review.orgreview.OrgReviewViews.SubmitRequest;
import org.dangjian.review.problem.ProblemException;
import org.dangjian.review.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
public class OrgReviewController {

    private final OrgReviewService service;

    public OrgReviewController(OrgReviewService service) {
        this.service = service;
    }

    @PutMapping("/cycles/{cycleId}/submissions/{orgId}")
    public SubmissionView submit(@PathVariable String cycleId, @PathVariable String orgId,
            @RequestBody SubmitRequest request, Caller caller) {
        return service.submit(cycleId, orgId, request, caller);
    }

    @GetMapping("/cycles/{cycleId}/submissions/{orgId}")
    public SubmissionView submission(@PathVariable String cycleId, @PathVariable String orgId, Caller caller) {
        return service.submission(cycleId, orgId, caller);
    }

    @PostMapping("/cycles/{cycleId}/submissions/{orgId}/reopen")
    public ReopenView reopen(@PathVariable String cycleId, @PathVariable String orgId,
            @RequestBody ReopenRequest request, Caller caller) {
        return service.reopen(cycleId, orgId, request, caller);
    }

    /** Idempotent: creates the reviewer's assessment (201) or amends it (200), until feedback is issued. */
    @PutMapping("/cycles/{cycleId}/assessments/{orgId}/{reviewerId}")
    public ResponseEntity<AssessmentView> putAssessment(@PathVariable String cycleId, @PathVariable String orgId,
            @PathVariable String reviewerId, @RequestBody AssessmentInput input, Caller caller) {
        if (input.reviewerId() != null && !input.reviewerId().equals(reviewerId)) {
            throw ProblemException.validation("reviewerId", "与路径中的评议人 " + reviewerId + " 不一致");
        }
        Assessed a = service.assess(cycleId, orgId, reviewerId, input, false, caller);
        return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(a.assessment());
    }

    /** Create-only: a reviewer assesses an organisation once per cycle; a second POST is refused (409). */
    @PostMapping("/cycles/{cycleId}/assessments/{orgId}")
    public ResponseEntity<AssessmentView> postAssessment(@PathVariable String cycleId, @PathVariable String orgId,
            @RequestBody AssessmentInput input, Caller caller) {
        Assessed a = service.assess(cycleId, orgId, input.reviewerId(), input, true, caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(a.assessment());
    }

    @GetMapping("/cycles/{cycleId}/assessments/{orgId}")
    public List<AssessmentView> assessments(@PathVariable String cycleId, @PathVariable String orgId,
            Caller caller) {
        return service.assessments(cycleId, orgId, caller);
    }

    @PostMapping("/cycles/{cycleId}/feedback/{orgId}")
    public ResponseEntity<FeedbackView> issueFeedback(@PathVariable String cycleId, @PathVariable String orgId,
            @RequestBody FeedbackInput input, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.issueFeedback(cycleId, orgId, input, caller));
    }

    /** Every version, newest first; superseded ones stay readable. */
    @GetMapping("/cycles/{cycleId}/feedback/{orgId}")
    public List<FeedbackView> feedbackVersions(@PathVariable String cycleId, @PathVariable String orgId,
            Caller caller) {
        return service.feedback(cycleId, orgId, caller);
    }

    /** What an organisation sees of its own reviews. */
    @GetMapping("/feedback")
    public List<FeedbackView> feedbackOf(@RequestParam String orgId, Caller caller) {
        return service.feedbackOf(orgId, caller);
    }
}
