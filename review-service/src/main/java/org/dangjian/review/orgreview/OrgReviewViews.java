package org.dangjian.review.orgreview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Request and response shapes of submissions, assessments and feedback. */
public final class OrgReviewViews {

    private OrgReviewViews() {
    }

    /** {@code {text}} or {@code {useDraft: true}}. */
    public record SubmitRequest(String text, Boolean useDraft) {
    }

    public record ReopenRequest(LocalDate until) {
    }

    /** @param report the year-to-date numbers frozen with a draft submission (null for own text) */
    public record SubmissionView(String cycleId, String orgId, int year, String text, SubmissionSource source,
            Instant submittedAt, String submittedBy, boolean late, int version, JsonNode report) {
    }

    public record ReopenView(String cycleId, String orgId, LocalDate reopenedUntil) {
    }

    public record AssessmentView(String cycleId, String orgId, String reviewerId, Rating rating, String ratingLabel,
            Map<String, Integer> scores, String comments, List<String> problems, Instant createdAt,
            Instant updatedAt, int revision) {

        static AssessmentView of(OrgReview r, Assessment a) {
            return new AssessmentView(r.cycleId(), r.orgId(), a.reviewerId(), a.rating(), a.rating().label(),
                    a.scores(), a.comments(), a.problems(), a.createdAt(), a.updatedAt(), a.revision());
        }
    }

    public record FeedbackView(String cycleId, int year, String committeeOrgId, String orgId, int version,
            boolean current, Integer supersededByVersion, Rating rating, String ratingLabel,
            RatingOutcome.Basis ratingBasis, BigDecimal weightedScore, Map<Rating, Integer> reviewerRatings,
            String comments, List<FeedbackProblem> problems, Instant issuedAt, String issuedBy) {

        static FeedbackView of(OrgReview r, Feedback f) {
            return new FeedbackView(r.cycleId(), r.year(), r.committeeOrgId(), r.orgId(), f.version(), f.isCurrent(),
                    f.supersededByVersion(), f.rating(), f.rating().label(), f.ratingBasis(), f.weightedScore(),
                    f.reviewerRatings(), f.comments(), f.problems(), f.issuedAt(), f.issuedBy());
        }
    }
}
