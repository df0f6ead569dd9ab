package org.dangjian.contracts.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of every record on {@link org.dangjian.contracts.Topics#REVIEWS} (key = the reviewed orgId).
 *
 * @param committeeOrgId the committee running the cycle
 * @param orgId          the reviewed organisation
 * @param deadline       the deadline this event is about (submission deadline, rectification deadline), or null
 * @param rectification  set on RECTIFICATION_* events
 * @param summary        a short Chinese sentence for people
 */
public record ReviewEvent(String eventId, ReviewEventType type, String cycleId, int year, String committeeOrgId,
        String orgId, Instant occurredAt, LocalDate deadline, Rectification rectification, String summary) {

    /** One item of the problem list and its rectification, as it stands after the event. */
    public record Rectification(String rectificationId, String problem, String measure, LocalDate deadline,
            String status) {
    }
}
