package org.dangjian.review.cycle;

import java.util.List;

import org.dangjian.review.outbox.OutboxEntry;

/** Stored form of a cycle (collection {@code cycles}): the cycle plus its not yet published events. */
public record CycleDocument(String id, Cycle cycle, List<OutboxEntry> outbox) {
}
