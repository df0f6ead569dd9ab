package org.dangjian.review.orgreview;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT .../assessments/{orgId}/{reviewerId}} (and {@code POST .../assessments/{orgId}}, which also
 * carries {@code reviewerId}).
 */
public record AssessmentInput(String reviewerId, Rating rating, Map<String, Integer> scores, String comments,
        List<String> problems) {
}
