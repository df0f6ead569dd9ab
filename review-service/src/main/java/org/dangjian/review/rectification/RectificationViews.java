package org.dangjian.review.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response shapes of the rectification endpoints. */
public final class RectificationViews {

    private RectificationViews() {
    }

    /** @param comment optional, e.g. the committee's reason for sending an item back */
    public record PatchRequest(RectificationStatus status, String evidence, String comment) {
    }

    /** @param overdue overdue as of today (China time) */
    public record RectificationView(String rectificationId, String cycleId, int year, String orgId, String orgName,
            String committeeOrgId, String problem, String measure, LocalDate deadline, int feedbackVersion,
            RectificationStatus status, String statusLabel, String evidence, boolean overdue,
            boolean overdueNotified, Instant updatedAt, List<RectificationStep> history) {
    }

    public record CheckResult(LocalDate asOf, int published, List<String> rectificationIds) {
    }
}
