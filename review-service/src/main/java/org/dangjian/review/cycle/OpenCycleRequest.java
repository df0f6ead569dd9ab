package org.dangjian.review.cycle;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/reviews/cycles}. Boxed types so a missing field is seen as missing, not as 0. */
public record OpenCycleRequest(String committeeOrgId, Integer year, List<String> orgIds,
        LocalDate submissionDeadline, LocalDate reviewDeadline, List<Dimension> dimensions) {
}
