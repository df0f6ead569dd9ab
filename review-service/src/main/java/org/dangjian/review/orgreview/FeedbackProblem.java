package org.dangjian.review.orgreview;

import java.time.LocalDate;

/** One entry of the problem list (问题清单) in issued feedback, with its rectification (整改措施). */
public record FeedbackProblem(String rectificationId, String description, String measure, LocalDate deadline) {
}
