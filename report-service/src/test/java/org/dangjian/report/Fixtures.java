package org.dangjian.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.report.messaging.JsonPayloadReader;
import org.dangjian.report.projection.ActivityFold;
import tools.jackson.databind.json.JsonMapper;

/** Events for unit tests. */
public final class Fixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong IDS = new AtomicLong();

    private Fixtures() {
    }

    public static ActivityFold fold() {
        return new ActivityFold(new JsonPayloadReader(JSON));
    }

    public static ActivityEvent event(String orgId, ActivityType type, String occurredAt, Map<String, Object> payload) {
        return new ActivityEvent("e-" + IDS.incrementAndGet(), orgId, type, OffsetDateTime.parse(occurredAt),
                Instant.parse("2026-06-01T00:00:00Z"), payload);
    }

    public static ActivityEvent meeting(String orgId, String type, String occurredAt) {
        return event(orgId, ActivityType.MEETING_HELD, occurredAt,
                Map.of("meetingType", type, "attendees", 8, "expected", 10, "topic", "学习"));
    }

    public static ActivityEvent voiding(ActivityEvent e) {
        return event(e.orgId(), ActivityType.ACTIVITY_VOIDED, "2026-06-01T09:00:00+08:00",
                Map.of("voidedEventId", e.eventId(), "reason", "录入错误", "voided", JSON.convertValue(e, Map.class)));
    }
}
