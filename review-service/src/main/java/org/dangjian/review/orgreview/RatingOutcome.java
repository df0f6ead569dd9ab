package org.dangjian.review.orgreview;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The final rating and how it was reached.
 *
 * @param weightedScore  the reviewers' weighted score (0..100, two decimals), or null when nobody scored
 * @param reviewerRatings how many reviewers gave each rating
 */
public record RatingOutcome(Rating rating, Basis basis, BigDecimal weightedScore, Map<Rating, Integer> reviewerRatings) {

    public enum Basis {
        /** The committee set the rating explicitly; it overrides everything else. */
        COMMITTEE,
        /** Banded from the reviewers' weighted dimension scores. */
        WEIGHTED_SCORE,
        /** No scores: the mean of the reviewers' ratings, ties toward the lower grade. */
        REVIEWER_RATINGS
    }
}
