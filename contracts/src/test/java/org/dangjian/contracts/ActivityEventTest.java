package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingHeld;
import org.dangjian.contracts.activity.MeetingType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ActivityEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void yearAndMonthAreChinaStandardTime() {
        var event = event(OffsetDateTime.parse("2025-12-31T16:30:00Z"));
        assertThat(event.year()).isEqualTo(2026);
        assertThat(event.yearMonth()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(event(OffsetDateTime.parse("2025-12-31T15:59:59Z")).year()).isEqualTo(2025);
    }

    @Test
    void cloudEventTypesAreKebabCasedAndVersioned() {
        assertThat(ActivityType.MEETING_HELD.cloudEventType()).isEqualTo("dangjian.activity.meeting-held.v1");
        assertThat(ActivityType.DUES_PAID.cloudEventType()).isEqualTo("dangjian.activity.dues-paid.v1");
    }

    @Test
    void roundTripsThroughJsonWithTypedPayload() {
        var event = event(OffsetDateTime.parse("2026-03-04T09:00:00+08:00"));
        String text = json.writeValueAsString(event);
        assertThat(text).contains("\"occurredAt\":\"2026-03-04T09:00:00+08:00\"").doesNotContain("\"year\"");
        var back = json.readValue(text, ActivityEvent.class);
        assertThat(back.eventId()).isEqualTo(event.eventId());
        assertThat(back.occurredAt().toInstant()).isEqualTo(event.occurredAt().toInstant());
        var meeting = json.convertValue(back.payload(), MeetingHeld.class);
        assertThat(meeting.meetingType()).isEqualTo(MeetingType.BRANCH_COMMITTEE);
        assertThat(meeting.attendees()).isEqualTo(5);
    }

    private static ActivityEvent event(OffsetDateTime at) {
        return new ActivityEvent("e-1", "b-001", ActivityType.MEETING_HELD, at, Instant.parse("2026-03-04T02:00:00Z"),
                Map.of("meetingType", "BRANCH_COMMITTEE", "attendees", 5, "expected", 7, "topic", "学习"));
    }
}
