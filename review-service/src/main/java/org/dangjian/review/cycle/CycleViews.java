package org.dangjian.review.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dangjian.review.orgreview.Rating;
import org.dangjian.review.orgreview.SubmissionSource;

/** Response shapes of the cycle endpoints. */
public final class CycleViews {

    private CycleViews() {
    }

    /** A cycle with its progress per organisation. */
    public record CycleView(String cycleId, String committeeOrgId, String committeeName, int year,
            List<String> orgIds, LocalDate submissionDeadline, LocalDate reviewDeadline, List<Dimension> dimensions,
            Instant openedAt, String openedBy, Totals totals, Map<Rating, Integer> ratingDistribution,
            List<OrgProgress> progress) {
    }

    /** @param ratingDistribution final ratings of the issued (current) feedback */
    public record Totals(int organisations, int submitted, int submittedLate, int assessed, int feedbackIssued,
            int openRectifications, int verifiedRectifications) {
    }

    /**
     * @param reviewerRatings how many of this organisation's reviewers gave each rating
     */
    public record OrgProgress(String orgId, String name, boolean submitted, Instant submittedAt,
            SubmissionSource submissionSource, Integer submissionVersion, boolean late, LocalDate reopenedUntil,
            List<AssessmentSummary> assessments, List<String> assessedBy, Map<Rating, Integer> reviewerRatings,
            boolean feedbackIssued, Integer feedbackVersion, Rating finalRating, Instant feedbackIssuedAt,
            int openRectifications) {
    }

    public record AssessmentSummary(String reviewerId, Rating rating, Instant updatedAt, int revision) {
    }

    /** One line of the list of a committee's cycles. */
    public record CycleListItem(String cycleId, String committeeOrgId, int year, int organisations,
            LocalDate submissionDeadline, LocalDate reviewDeadline, Instant openedAt) {
    }
}
