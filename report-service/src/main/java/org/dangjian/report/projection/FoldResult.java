package org.dangjian.report.projection;

import java.util.List;

/**
 * What one event does to the projections.
 *
 * @param dedupKeys extra processed-record keys besides the event id (a void claims {@code voided:<id>} so the
 *                  same event is never subtracted twice)
 */
public record FoldResult(List<CounterDelta> counters, List<RosterChange> roster, List<String> dedupKeys) {

    public static FoldResult empty() {
        return new FoldResult(List.of(), List.of(), List.of());
    }
}
