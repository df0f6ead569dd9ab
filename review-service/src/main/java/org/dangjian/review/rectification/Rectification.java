package org.dangjian.review.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A rectification item: one problem of the issued feedback, its measure and deadline, tracked until verified.
 *
 * @param feedbackVersion the feedback version that (last) listed it
 * @param overdueNotified RECTIFICATION_OVERDUE has been published for it (once per item)
 */
public record Rectification(String rectificationId, String problem, String measure, LocalDate deadline,
        int feedbackVersion, RectificationStatus status, String evidence, boolean overdueNotified, Instant updatedAt,
        List<RectificationStep> history) {

    public Rectification {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static Rectification open(String id, String problem, String measure, LocalDate deadline, int version,
            Instant now) {
        return new Rectification(id, problem, measure, deadline, version, RectificationStatus.OPEN, null, false, now,
                List.of());
    }

    public Rectification moved(RectificationStatus to, Instant at, String by, String newEvidence, String comment) {
        List<RectificationStep> h = new ArrayList<>(history);
        h.add(new RectificationStep(status, to, at, by, newEvidence, comment));
        String ev = newEvidence == null || newEvidence.isBlank() ? evidence : newEvidence;
        return new Rectification(rectificationId, problem, measure, deadline, feedbackVersion, to, ev, overdueNotified,
                at, h);
    }

    /** Carried into a corrected feedback version: new wording and deadline, progress kept. */
    public Rectification carriedInto(int version, String newProblem, String newMeasure, LocalDate newDeadline,
            Instant at) {
        boolean stillOverdue = overdueNotified && !newDeadline.isAfter(deadline);
        return new Rectification(rectificationId, newProblem, newMeasure, newDeadline, version, status, evidence,
                stillOverdue, at, history);
    }

    public Rectification overdueNotified(Instant at) {
        return new Rectification(rectificationId, problem, measure, deadline, feedbackVersion, status, evidence, true,
                at, history);
    }

    /** Overdue on {@code asOf}: the deadline day has fully passed and the organisation still owes it. */
    public boolean isOverdue(LocalDate asOf) {
        return status.awaitsOrganisation() && deadline.isBefore(asOf);
    }
}
