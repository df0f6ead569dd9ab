package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.dangjian.activity.support.Topic;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The walking skeleton's path through activity-service: org, then a meeting stored and published. */
class MeetingFlowIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void meetingIsStoredAndPublishedWithCloudEventHeaders() {
        Http http = http();
        assertThat(http.put("/api/orgs/mf-root", "{\"name\":\"机关党委\",\"type\":\"COMMITTEE\"}").status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/mf-b1", branch("mf-b1", "mf-root")).status()).isEqualTo(201);

        Http.Response r = http.post("/api/activities", meeting("mf-e1", "mf-b1", "2026-01-01T00:30:00+08:00"),
                Map.of("X-Request-Id", "req-42"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(r.json().get("eventId").asString()).isEqualTo("mf-e1");
        assertThat(r.json().get("recordedAt").asString()).isNotBlank();

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20)).until(
                () -> Topic.readAll(brokers, Topics.ACTIVITIES, rec -> "mf-b1".equals(rec.key())), l -> l.size() == 1);
        ConsumerRecord<String, byte[]> rec = records.get(0);
        assertThat(Topic.header(rec, "ce_specversion")).isEqualTo("1.0");
        assertThat(Topic.header(rec, "ce_id")).isEqualTo("mf-e1");
        assertThat(Topic.header(rec, "ce_type")).isEqualTo("dangjian.activity.meeting-held.v1");
        assertThat(Topic.header(rec, "ce_source")).isEqualTo("/activity-service");
        assertThat(Topic.header(rec, "ce_subject")).isEqualTo("mf-b1");
        assertThat(Topic.header(rec, "ce_time")).isNotBlank();
        assertThat(Topic.header(rec, "ce_correlationid")).isEqualTo("req-42");
        assertThat(Topic.header(rec, "content-type")).isEqualTo("application/json");
        JsonNode value = JSON.readTree(Topic.value(rec));
        assertThat(value.get("eventId").asString()).isEqualTo("mf-e1");
        assertThat(value.get("type").asString()).isEqualTo("MEETING_HELD");
        assertThat(value.get("payload").get("meetingType").asString()).isEqualTo("BRANCH_COMMITTEE");
        assertThat(value.get("payload").get("attendees").asInt()).isEqualTo(5);

        JsonNode log = http.get("/api/activities?orgId=mf-b1&year=2026").json();
        assertThat(log.get("total").asLong()).isEqualTo(1);
        assertThat(log.get("items").get(0).get("eventId").asString()).isEqualTo("mf-e1");
        // 2026-01-01 00:30 in Beijing is still 2025 in UTC: it counts in 2026.
        assertThat(http.get("/api/activities?orgId=mf-b1&year=2025").json().get("total").asLong()).isZero();
    }

    @Test
    void orgStateIsPublishedOnTheCompactedTopic() {
        Http http = http();
        assertThat(http.put("/api/orgs/os-root", "{\"name\":\"县委\",\"type\":\"WORKING_COMMITTEE\","
                + "\"policy\":{\"deadlineDay\":5,\"themePartyDay\":4}}").status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/os-b1", branch("os-b1", "os-root")).status()).isEqualTo(201);

        JsonNode b1 = http.get("/api/orgs/os-b1").json();
        assertThat(b1.get("ancestors").get(0).asString()).isEqualTo("os-root");
        assertThat(b1.get("policy").get("deadlineDay").asInt()).isEqualTo(5);
        assertThat(b1.get("policy").get("themePartyDay").asInt()).isEqualTo(4);
        assertThat(b1.get("policy").get("requirements").size()).isEqualTo(7);

        List<ConsumerRecord<String, byte[]>> states = await().atMost(Duration.ofSeconds(20)).until(
                () -> Topic.readAll(brokers, Topics.ORGS, rec -> "os-b1".equals(rec.key())), l -> !l.isEmpty());
        JsonNode state = JSON.readTree(Topic.value(states.get(states.size() - 1)));
        assertThat(state.get("orgId").asString()).isEqualTo("os-b1");
        assertThat(state.get("ancestors").get(0).asString()).isEqualTo("os-root");
        assertThat(state.get("policy").get("deadlineDay").asInt()).isEqualTo(5);
    }
}
