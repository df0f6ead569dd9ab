package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends IntegrationTest {

    @BeforeEach
    void orgs() {
        http().put("/api/orgs/id-b1", branch("id-b1", null));
        http().put("/api/orgs/id-b2", branch("id-b2", null));
    }

    @Test
    void sameIdAndBodyGetsTheSameAnswerAgain() {
        Http http = http();
        String body = meeting("id-e1", "id-b1", "2026-03-04T09:00:00+08:00");
        Http.Response first = http.post("/api/activities", body);
        assertThat(first.status()).isEqualTo(202);
        // Key order and whitespace do not make a different body.
        String reordered = "{ \"payload\":{\"topic\":\"学习贯彻党的二十届四中全会精神\",\"expected\":7,\"attendees\":5,"
                + "\"meetingType\":\"BRANCH_COMMITTEE\"}, \"type\":\"MEETING_HELD\", \"orgId\":\"id-b1\","
                + " \"occurredAt\":\"2026-03-04T09:00:00+08:00\", \"eventId\":\"id-e1\" }";
        Http.Response again = http.post("/api/activities", reordered);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("recordedAt").asString()).isEqualTo(first.json().get("recordedAt").asString());
        assertThat(http.get("/api/activities?orgId=id-b1").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void sameIdWithADifferentBodyIsAConflict() {
        Http http = http();
        assertThat(http.post("/api/activities", meeting("id-e2", "id-b2", "2026-03-04T09:00:00+08:00")).status())
                .isEqualTo(202);
        Http.Response conflict = http.post("/api/activities", meeting("id-e2", "id-b2", "2026-03-05T09:00:00+08:00"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("type").asString()).isEqualTo("urn:dangjian:problem:conflict");
        assertThat(conflict.json().get("detail").asString()).contains("id-e2");
        JsonCheck.storedOccurredAt(http, "id-e2", "2026-03-04T09:00:00+08:00");
    }

    /** Small helper kept here: what the log holds for an event. */
    static final class JsonCheck {
        static void storedOccurredAt(Http http, String eventId, String expected) {
            assertThat(http.get("/api/activities/" + eventId).json().get("occurredAt").asString()).isEqualTo(expected);
        }
    }
}
