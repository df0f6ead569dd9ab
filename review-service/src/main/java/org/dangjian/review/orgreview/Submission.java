package org.dangjian.review.orgreview;

import java.time.Instant;

/**
 * The 述职报告 as submitted. {@code reportJson} is report-service's year-to-date report exactly as it was when the
 * draft was frozen (null for own text), so the review is of what was submitted, not of later numbers.
 *
 * @param late      submitted after the submission deadline (only possible once the committee reopened it)
 * @param version   1 for the first submission, +1 for each replacement
 */
public record Submission(String text, SubmissionSource source, String reportJson, Instant submittedAt,
        String submittedBy, boolean late, int version) {
}
