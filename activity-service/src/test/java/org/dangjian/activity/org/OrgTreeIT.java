package org.dangjian.activity.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.dangjian.activity.support.Topic;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrgTreeIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void createUpdateMoveAndRefuseCycles() {
        Http http = http();
        assertThat(http.put("/api/orgs/ot-r1", "{\"name\":\"一号党委\",\"type\":\"COMMITTEE\"}").status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/ot-r2", "{\"name\":\"二号党委\",\"type\":\"COMMITTEE\","
                + "\"policy\":{\"deadlineDay\":7}}").status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/ot-g", "{\"name\":\"总支\",\"type\":\"GENERAL_BRANCH\",\"parentId\":\"ot-r1\"}")
                .status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/ot-b", branch("ot-b", "ot-g")).status()).isEqualTo(201);
        assertThat(http.put("/api/orgs/ot-b", branch("ot-b", "ot-g")).status()).isEqualTo(200);
        assertThat(http.get("/api/orgs/ot-r1/children").json().get(0).get("orgId").asString()).isEqualTo("ot-g");

        Http.Response cycle = http.put("/api/orgs/ot-g", "{\"name\":\"总支\",\"type\":\"GENERAL_BRANCH\",\"parentId\":\"ot-b\"}");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        Http.Response unknown = http.put("/api/orgs/ot-x", branch("ot-x", "ot-nowhere"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        Http.Response badType = http.put("/api/orgs/ot-y", "{\"name\":\"y\",\"type\":\"CLUB\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("type");

        // Move the general branch (and with it the branch) under the second committee.
        assertThat(http.put("/api/orgs/ot-g", "{\"name\":\"总支\",\"type\":\"GENERAL_BRANCH\",\"parentId\":\"ot-r2\"}")
                .status()).isEqualTo(200);
        JsonNode b = http.get("/api/orgs/ot-b").json();
        assertThat(b.get("ancestors").toString()).isEqualTo("[\"ot-r2\",\"ot-g\"]");
        assertThat(b.get("policy").get("deadlineDay").asInt()).isEqualTo(7);
        assertThat(http.get("/api/orgs/ot-r1/children").json().size()).isZero();

        // The moved branch is republished with its new ancestors and inherited policy.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var states = Topic.readAll(brokers, Topics.ORGS, r -> "ot-b".equals(r.key()));
            JsonNode last = JSON.readTree(Topic.value(states.get(states.size() - 1)));
            assertThat(last.get("ancestors").toString()).isEqualTo("[\"ot-r2\",\"ot-g\"]");
            assertThat(last.get("policy").get("deadlineDay").asInt()).isEqualTo(7);
        });
    }

    @Test
    void topicsAreCreatedAsAgreed() throws Exception {
        Http http = http();
        http.put("/api/orgs/tc-b", branch("tc-b", null));
        http.post("/api/activities", meeting("tc-e1", "tc-b", "2026-03-04T09:00:00+08:00"));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> !Topic.readAll(brokers, Topics.ACTIVITIES, r -> "tc-b".equals(r.key())).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(
                () -> !Topic.readAll(brokers, Topics.ORGS, r -> "tc-b".equals(r.key())).isEmpty());
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var topics = admin.describeTopics(List.of(Topics.ACTIVITIES)).allTopicNames().get();
            assertThat(topics.get(Topics.ACTIVITIES).partitions()).hasSize(6);
            ConfigResource orgs = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORGS);
            Config config = admin.describeConfigs(List.of(orgs)).all().get().get(orgs);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void scopedCallerCannotDetachItsOwnOrganisation() {
        Http http = http();
        http.put("/api/orgs/sc-r", "{\"name\":\"党委\",\"type\":\"COMMITTEE\"}");
        http.put("/api/orgs/sc-b", branch("sc-b", "sc-r"));
        Http.Response detach = http.put("/api/orgs/sc-b", branch("sc-b", null), Map.of("X-Dangjian-Org", "sc-b"));
        assertThat(detach.status()).isEqualTo(403);
        assertThat(http.put("/api/orgs/sc-new", branch("sc-new", null), Map.of("X-Dangjian-Org", "sc-new")).status())
                .isEqualTo(201);
        assertThat(http.get("/api/orgs/sc-r", Map.of("X-Dangjian-Org", "sc-b")).status()).isEqualTo(403);
    }
}
