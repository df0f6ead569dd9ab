package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.dangjian.activity.support.Topic;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VoidIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void voidingPublishesTheVoidedEventWholeAndCannotBeRepeated() {
        Http http = http();
        http.put("/api/orgs/vo-b1", branch("vo-b1", null));
        assertThat(http.post("/api/activities", meeting("vo-e1", "vo-b1", "2026-03-04T09:00:00+08:00")).status())
                .isEqualTo(202);
        Http.Response v = http.post("/api/activities/vo-e1/void", "{\"reason\":\"重复录入\"}");
        assertThat(v.status()).isEqualTo(202);
        String voidId = v.json().get("eventId").asString();
        assertThat(voidId).isEqualTo("vo-e1:void");

        Http.Response same = http.post("/api/activities/vo-e1/void", "{\"reason\":\"重复录入\"}");
        assertThat(same.status()).isEqualTo(202);
        assertThat(same.json().get("status").asString()).isEqualTo("DUPLICATE");
        Http.Response twice = http.post("/api/activities/vo-e1/void", "{\"reason\":\"另一个原因\"}");
        assertThat(twice.status()).isEqualTo(409);
        Http.Response voidOfVoid = http.post("/api/activities/" + voidId + "/void", "{\"reason\":\"x\"}");
        assertThat(voidOfVoid.status()).isEqualTo(422);
        assertThat(http.post("/api/activities/nothing/void", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.post("/api/activities/vo-e1/void", "{}").status()).isEqualTo(400);

        assertThat(http.get("/api/activities/vo-e1").json().get("voidedBy").asString()).isEqualTo(voidId);
        JsonNode list = http.get("/api/activities?orgId=vo-b1&type=ACTIVITY_VOIDED").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);

        var records = await().atMost(Duration.ofSeconds(20)).until(
                () -> Topic.readAll(brokers, Topics.ACTIVITIES, r -> "vo-b1".equals(r.key())), l -> l.size() == 2);
        assertThat(Topic.header(records.get(1), "ce_type")).isEqualTo("dangjian.activity.activity-voided.v1");
        JsonNode voided = JSON.readTree(Topic.value(records.get(1)));
        assertThat(voided.get("payload").get("voidedEventId").asString()).isEqualTo("vo-e1");
        assertThat(voided.get("payload").get("voided").get("eventId").asString()).isEqualTo("vo-e1");
        assertThat(voided.get("payload").get("voided").get("payload").get("attendees").asInt()).isEqualTo(5);
    }

    @Test
    void logIsPagedNewestFirst() {
        Http http = http();
        http.put("/api/orgs/pg-b1", branch("pg-b1", null));
        for (int i = 1; i <= 5; i++) {
            http.post("/api/activities", meeting("pg-" + i, "pg-b1", "2026-03-0" + i + "T09:00:00+08:00"));
        }
        JsonNode p0 = http.get("/api/activities?orgId=pg-b1&year=2026&page=0&size=2").json();
        assertThat(p0.get("total").asLong()).isEqualTo(5);
        assertThat(p0.get("items").get(0).get("eventId").asString()).isEqualTo("pg-5");
        assertThat(p0.get("items").get(1).get("eventId").asString()).isEqualTo("pg-4");
        JsonNode p2 = http.get("/api/activities?orgId=pg-b1&year=2026&page=2&size=2").json();
        assertThat(p2.get("items").get(0).get("eventId").asString()).isEqualTo("pg-1");
        assertThat(http.get("/api/activities?orgId=pg-b1&type=BOGUS").status()).isEqualTo(400);
        assertThat(http.get("/api/activities").status()).isEqualTo(400);
    }
}
