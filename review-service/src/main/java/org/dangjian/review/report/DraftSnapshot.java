package org.dangjian.review.report;

/** report-service's draft (markdown) and the year-to-date report (JSON) it was written from, fetched together. */
public record DraftSnapshot(String markdown, String reportJson) {
}
