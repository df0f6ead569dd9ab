package org.dangjian.review.orgreview;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST .../feedback/{orgId}}. {@code rating} is optional: when absent the rule in
 * {@link RatingRule} decides. A problem may name the {@code rectificationId} of an item of an earlier version to
 * carry it (and its progress) over into this version.
 */
public record FeedbackInput(Rating rating, String comments, List<Problem> problems) {

    public record Problem(String description, String measure, LocalDate deadline, String rectificationId) {
    }
}
