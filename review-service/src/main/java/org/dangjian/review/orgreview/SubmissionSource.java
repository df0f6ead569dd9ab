package org.dangjian.review.orgreview;

/** Where the submitted text came from. */
public enum SubmissionSource {
    /** The organisation's own text. */
    TEXT,
    /** report-service's draft, frozen at submission time together with the numbers it was based on. */
    DRAFT
}
