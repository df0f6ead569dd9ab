package org.dangjian.contracts.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.dangjian.contracts.CloudEventHeaders;

/**
 * The data of every record on {@link org.dangjian.contracts.Topics#ACTIVITIES}.
 *
 * @param eventId    the posting client's id; the idempotency key and the CloudEvents {@code id}
 * @param orgId      the organisation the activity belongs to; the Kafka key
 * @param type       what happened
 * @param occurredAt when it happened (not when it was posted: late entries count where they happened)
 * @param recordedAt when activity-service stored it
 * @param payload    the type's fields as JSON; read it as {@link ActivityType#payloadType()}
 */
public record ActivityEvent(
        String eventId,
        String orgId,
        ActivityType type,
        OffsetDateTime occurredAt,
        Instant recordedAt,
        Map<String, Object> payload) {

    /** The calendar year (Asia/Shanghai) the activity counts in. */
    @JsonIgnore
    public int year() {
        return occurredAt.atZoneSameInstant(CloudEventHeaders.CHINA).getYear();
    }

    /** The calendar month (Asia/Shanghai) the activity counts in. */
    @JsonIgnore
    public YearMonth yearMonth() {
        return YearMonth.from(occurredAt.atZoneSameInstant(CloudEventHeaders.CHINA));
    }
}
