package org.dangjian.activity.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.dangjian.activity.log.ActivityStore;
import org.dangjian.activity.log.EventParser;
import org.dangjian.activity.log.StoredEvent;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.dangjian.contracts.activity.ActivityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crash between storing a member event and updating the roster (no transaction spans the two documents):
 * a retry of the same post, or the repair sweep, brings the roster to the stored event, exactly once.
 */
class RosterRepairIT extends IntegrationTest {

    @Autowired
    ActivityStore store;
    @Autowired
    EventParser parser;
    @Autowired
    MemberStore members;
    @Autowired
    JsonMapper json;

    private String registration(String eventId, String memberId) {
        return "{\"eventId\":\"" + eventId + "\",\"orgId\":\"rr-b1\",\"type\":\"MEMBER_REGISTERED\","
                + "\"occurredAt\":\"2026-01-05T10:00:00+08:00\",\"payload\":{\"memberId\":\"" + memberId
                + "\",\"name\":\"孙八\",\"stage\":\"PROBATIONARY\",\"since\":\"2025-06-01\"}}";
    }

    /** Stores the event the way ingest does, then "crashes" before the roster write. */
    @SuppressWarnings("unchecked")
    private void storeOnly(String body, Instant recordedAt) {
        var node = json.readTree(body);
        Map<String, Object> payload = json.convertValue(node.get("payload"), Map.class);
        store.insert(new StoredEvent(node.get("eventId").asString(), "rr-b1", ActivityType.MEMBER_REGISTERED,
                OffsetDateTime.parse(node.get("occurredAt").asString()), recordedAt.truncatedTo(ChronoUnit.MILLIS),
                payload, parser.hash(node), System.currentTimeMillis() * 1000, null,
                node.get("payload").get("memberId").asString(), false, Boolean.FALSE, null));
    }

    @Test
    void aRetryAfterTheCrashCompletesTheRosterOnce() {
        Http http = http();
        http.put("/api/orgs/rr-b1", branch("rr-b1", null));
        String body = registration("rr-1", "rr-m1");
        storeOnly(body, Instant.now());
        assertThat(members.find("rr-m1")).isEmpty();

        Http.Response retry = http.post("/api/activities", body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(http.get("/api/members/rr-m1").json().get("stage").asString()).isEqualTo("PROBATIONARY");
        // Applying again changes nothing.
        assertThat(http.post("/api/activities", body).json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(members.hasApplied("rr-m1", "rr-1")).isTrue();
        assertThat(store.find("rr-1").orElseThrow().rosterApplied()).isTrue();
    }

    @Test
    void theSweepCompletesTheRosterWithoutARetry() {
        http().put("/api/orgs/rr-b1", branch("rr-b1", null));
        storeOnly(registration("rr-2", "rr-m2"), Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> members.find("rr-m2").isPresent());
        assertThat(members.find("rr-m2").orElseThrow().admittedOn()).hasToString("2025-06-01");
        await().atMost(Duration.ofSeconds(20)).until(() -> store.find("rr-2").orElseThrow().rosterApplied());
    }
}
