package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchIT extends IntegrationTest {

    private static String dues(String eventId, String orgId, String memberId, String period, String amount) {
        return "{\"eventId\":\"" + eventId + "\",\"orgId\":\"" + orgId + "\",\"type\":\"DUES_PAID\","
                + "\"occurredAt\":\"2026-02-03T10:00:00+08:00\",\"payload\":{\"memberId\":\"" + memberId
                + "\",\"period\":\"" + period + "\",\"amountFen\":" + amount + "}}";
    }

    private static String register(String eventId, String orgId, String memberId, String stage) {
        return "{\"eventId\":\"" + eventId + "\",\"orgId\":\"" + orgId + "\",\"type\":\"MEMBER_REGISTERED\","
                + "\"occurredAt\":\"2026-01-05T10:00:00+08:00\",\"payload\":{\"memberId\":\"" + memberId
                + "\",\"name\":\"王五\",\"stage\":\"" + stage + "\",\"since\":\"2020-07-01\"}}";
    }

    @Test
    void mixedBatchAnswersEachEventAndStoresTheGoodOnes() {
        Http http = http();
        http.put("/api/orgs/bt-b1", branch("bt-b1", null));
        assertThat(http.post("/api/activities", meeting("bt-old", "bt-b1", "2026-01-02T09:00:00+08:00")).status())
                .isEqualTo(202);
        String batch = "[" + String.join(",",
                meeting("bt-1", "bt-b1", "2026-02-01T09:00:00+08:00"),            // 0 accepted
                register("bt-2", "bt-b1", "bt-m1", "FULL"),                        // 1 accepted (member event)
                dues("bt-3", "bt-b1", "bt-m1", "2026-02", "2400"),                // 2 accepted: sees bt-2's member
                dues("bt-4", "bt-b1", "bt-m1", "2026-13", "2400"),                // 3 rejected: bad period
                meeting("bt-5", "nowhere", "2026-02-01T09:00:00+08:00"),          // 4 rejected: unknown org
                meeting("bt-old", "bt-b1", "2026-01-02T09:00:00+08:00"),          // 5 duplicate
                meeting("bt-old", "bt-b1", "2026-01-03T09:00:00+08:00"),          // 6 conflict
                "{\"eventId\":\"bt-8\",\"type\":\"NOPE\"}",                       // 7 rejected: unknown type
                dues("bt-9", "bt-b1", "ghost", "2026-02", "100"),                 // 8 rejected: unknown member
                meeting("bt-1", "bt-b1", "2026-02-01T09:00:00+08:00")) + "]";      // 9 same id again in batch
        Http.Response r = http.post("/api/activities/batch", batch);
        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.size()).isEqualTo(10);
        List<String> statuses = new ArrayList<>();
        results.forEach(x -> statuses.add(x.get("status").asString()));
        assertThat(statuses).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "DUPLICATE",
                "REJECTED", "REJECTED", "REJECTED", "DUPLICATE");
        assertThat(results.get(3).get("errors").get(0).get("field").asString()).isEqualTo("payload.period");
        assertThat(results.get(4).get("errors").get(0).get("field").asString()).isEqualTo("orgId");
        assertThat(results.get(6).get("httpStatus").asInt()).isEqualTo(409);
        assertThat(results.get(7).get("errors").get(0).get("field").asString()).isEqualTo("orgId");
        assertThat(results.get(8).get("errors").get(0).get("field").asString()).isEqualTo("payload.memberId");
        assertThat(r.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(5);

        assertThat(http.get("/api/activities?orgId=bt-b1").json().get("total").asLong()).isEqualTo(4);
        assertThat(http.get("/api/members/bt-m1").json().get("stage").asString()).isEqualTo("FULL");
    }

    @Test
    void aScopedBatchRejectsOnlyTheEventsOutsideTheCallersSubtree() {
        Http http = http();
        http.put("/api/orgs/bs-r", "{\"name\":\"党委\",\"type\":\"COMMITTEE\"}");
        http.put("/api/orgs/bs-b1", branch("bs-b1", "bs-r"));
        http.put("/api/orgs/bs-x", branch("bs-x", null));
        String batch = "{\"events\":[" + String.join(",",
                meeting("bs-1", "bs-b1", "2026-02-01T09:00:00+08:00"),
                meeting("bs-2", "bs-x", "2026-02-01T09:00:00+08:00"),
                meeting("bs-3", "bs-b1", "2026-02-02T09:00:00+08:00")) + "]}";
        JsonNode r = http.post("/api/activities/batch", batch, java.util.Map.of("X-Dangjian-Org", "bs-r")).json();
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.get("results").get(1).get("httpStatus").asInt()).isEqualTo(403);
        assertThat(http.get("/api/activities/bs-2").status()).isEqualTo(404);
    }

    @Test
    void moreThanAThousandEventsAreRefusedWhole() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        Http.Response r = http().post("/api/activities/batch", sb.append("]").toString());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
    }
}
