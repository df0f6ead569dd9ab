package org.dangjian.review.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A review cycle (述职评议考核) a committee runs for one year over some of its subordinate organisations. */
public record Cycle(String cycleId, String committeeOrgId, int year, List<String> orgIds,
        LocalDate submissionDeadline, LocalDate reviewDeadline, List<Dimension> dimensions, Instant openedAt,
        String openedBy) {

    public Cycle {
        orgIds = List.copyOf(orgIds);
        dimensions = List.copyOf(dimensions);
    }

    public boolean includes(String orgId) {
        return orgIds.contains(orgId);
    }

    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
