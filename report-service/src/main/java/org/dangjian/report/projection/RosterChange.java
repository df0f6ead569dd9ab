package org.dangjian.report.projection;

import java.util.Map;
import java.util.Set;

/**
 * Changes to one organisation's roster document: fields to set and fields to remove, as dotted paths
 * ({@code members.<memberId>.stage}). Applied in event order; a later set wins.
 */
public record RosterChange(String orgId, Map<String, Object> set, Set<String> unset) {
}
