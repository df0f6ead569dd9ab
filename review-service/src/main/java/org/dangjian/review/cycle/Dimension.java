package org.dangjian.review.cycle;

/** One scored dimension of a cycle (e.g. 基层组织建设), with an integer weight relative to the others. */
public record Dimension(String key, String name, Integer weight) {
}
