package org.dangjian.review.orgreview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One issued version of consolidated feedback. Never changed once issued, except for the pointer to the version
 * that superseded it.
 */
public record Feedback(int version, Rating rating, RatingOutcome.Basis ratingBasis, BigDecimal weightedScore,
        Map<Rating, Integer> reviewerRatings, String comments, List<FeedbackProblem> problems, Instant issuedAt,
        String issuedBy, Integer supersededByVersion) {

    public Feedback {
        reviewerRatings = reviewerRatings == null ? Map.of() : Map.copyOf(reviewerRatings);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean isCurrent() {
        return supersededByVersion == null;
    }

    Feedback supersededBy(int newer) {
        return new Feedback(version, rating, ratingBasis, weightedScore, reviewerRatings, comments, problems, issuedAt,
                issuedBy, newer);
    }
}
