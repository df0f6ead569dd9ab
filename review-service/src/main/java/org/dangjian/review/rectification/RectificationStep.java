package org.dangjian.review.rectification;

import java.time.Instant;

/** One move in an item's history. */
public record RectificationStep(RectificationStatus from, RectificationStatus to, Instant at, String by,
        String evidence, String comment) {
}
