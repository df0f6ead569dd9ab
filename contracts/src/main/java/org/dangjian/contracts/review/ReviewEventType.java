package org.dangjian.contracts.review;

import java.util.Locale;

/** What happened in a review cycle (述职评议考核). CloudEvents type: {@code dangjian.review.feedback-issued.v1}. */
public enum ReviewEventType {
    CYCLE_OPENED,
    REPORT_SUBMITTED,
    SUBMISSION_REOPENED,
    ASSESSMENT_RECORDED,
    FEEDBACK_ISSUED,
    RECTIFICATION_DUE,
    RECTIFICATION_UPDATED,
    RECTIFICATION_VERIFIED,
    RECTIFICATION_REJECTED,
    RECTIFICATION_OVERDUE;

    public String cloudEventType() {
        return "dangjian.review." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }
}
