package org.dangjian.report.projection;

import java.util.Map;

/** Increments to one yearly projection document (orgId, year); paths are dotted counter names. */
public record CounterDelta(String orgId, int year, Map<String, Long> inc) {
}
