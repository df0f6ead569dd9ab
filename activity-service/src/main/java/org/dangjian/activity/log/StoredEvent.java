package org.dangjian.activity.log;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;

/**
 * One document of the activity log, which is also the outbox.
 *
 * @param seq           order of storage (per instance monotonic); the relay publishes an organisation's events by it
 * @param rosterApplied for member events: whether the roster has taken it in yet (null for other types)
 * @param voidedBy      the id of the ACTIVITY_VOIDED event that reversed this one, if any
 */
public record StoredEvent(String eventId, String orgId, ActivityType type, OffsetDateTime occurredAt,
        Instant recordedAt, Map<String, Object> payload, String hash, long seq, String correlationId,
        String memberId, boolean published, Boolean rosterApplied, String voidedBy) {

    public ActivityEvent toActivityEvent() {
        return new ActivityEvent(eventId, orgId, type, occurredAt, recordedAt, payload);
    }
}
