package org.dangjian.activity.log;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.activity.ActivityPayload;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MemberEvent;

/**
 * A posted event that passed the field checks.
 *
 * @param hash SHA-256 of the canonical request body: "the same body" for idempotency
 */
public record IncomingEvent(String eventId, String orgId, ActivityType type, OffsetDateTime occurredAt,
        ActivityPayload payload, String hash, String correlationId) {

    /** The calendar day it happened, in Asia/Shanghai. */
    public LocalDate day() {
        return occurredAt.atZoneSameInstant(CloudEventHeaders.CHINA).toLocalDate();
    }

    public String memberId() {
        return payload instanceof MemberEvent m ? m.memberId() : null;
    }
}
