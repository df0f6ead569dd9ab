package org.dangjian.notification.ledger;

import java.time.LocalDate;
import java.util.Set;

/** A rectification item (整改) as the latest review event left it. */
public record RectificationInfo(String rectificationId, String orgId, String committeeOrgId, String problem,
        String measure, LocalDate deadline, String status) {

    /** Once submitted (awaiting verification) or verified, the branch owes nothing more. */
    private static final Set<String> DONE = Set.of("SUBMITTED", "VERIFIED");

    public boolean done() {
        return status != null && DONE.contains(status);
    }
}
