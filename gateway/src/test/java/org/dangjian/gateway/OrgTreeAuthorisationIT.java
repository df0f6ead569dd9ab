package org.dangjian.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.org.OrgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * {@code PUT /api/orgs/{X}}: creating under a parent, creating a new root, updating in place and moving,
 * decided against the replica of the tree; and the replica following the topic (new organisations, moves,
 * tombstones).
 */
class OrgTreeAuthorisationIT extends GatewayITBase {

    static Stream<Arguments> orgPuts() {
        return Stream.of(
                Arguments.of("new branch under my committee", "t-committee", "n-1", "t-committee", 200),
                Arguments.of("new branch under a branch of mine", "t-committee", "n-2", "t-branch-2", 200),
                Arguments.of("new branch under another tree", "t-committee", "n-3", "o-branch", 403),
                Arguments.of("a brand-new root by its own token", "b-001", "b-001", null, 200),
                Arguments.of("a brand-new root by someone else's token", "t-county", "n-4", null, 403),
                Arguments.of("a brand-new org by its own token under a parent it does not reach", "n-5", "n-5",
                        "t-committee", 403),
                Arguments.of("update in place by the parent's token", "t-committee", "t-branch-1", "t-committee", 200),
                Arguments.of("update in place by its own token", "t-branch-1", "t-branch-1", "t-committee", 200),
                Arguments.of("detach itself with its own token", "t-branch-1", "t-branch-1", null, 403),
                Arguments.of("move itself elsewhere with its own token", "t-branch-1", "t-branch-1", "t-branch-2",
                        403),
                Arguments.of("move between two branches of mine", "t-committee", "t-branch-1", "t-branch-2", 200),
                Arguments.of("move into another tree", "t-committee", "t-branch-1", "o-branch", 403),
                Arguments.of("move out of another tree into mine", "t-committee", "o-branch", "t-branch-2", 403),
                Arguments.of("detach a branch of mine into a root", "t-committee", "t-branch-1", null, 200),
                Arguments.of("update an org outside my subtree", "t-committee", "o-branch", "o-root", 403),
                Arguments.of("update a root by its own token", "o-root", "o-root", null, 200));
    }

    @ParameterizedTest(name = "{0}: token for {1}, PUT {2} parent {3} → {4}")
    @MethodSource("orgPuts")
    void orgPutsAreDecidedAgainstTheTree(String name, String tokenOrg, String orgId, String parentId, int expected) {
        String parent = parentId == null ? "null" : "\"" + parentId + "\"";
        client.put().uri("/api/orgs/" + orgId)
                .headers(h -> h.setBearerAuth(token("admin-" + tokenOrg, tokenOrg, "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"党支部\",\"type\":\"BRANCH\",\"parentId\":" + parent + "}")
                .exchange()
                .expectStatus().isEqualTo(expected);
    }

    @Test
    void aPutWithoutParentIdMeansARoot() {
        client.put().uri("/api/orgs/t-branch-2")
                .headers(h -> h.setBearerAuth(token("admin", "t-branch-2", "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"党支部\",\"type\":\"BRANCH\"}")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theReplicaFollowsTheTopic() {
        String leaderOfNewCommittee = token("leader", "x-committee", "LEADER");
        client.get().uri("/api/reports/x-branch/2026").headers(h -> h.setBearerAuth(leaderOfNewCommittee))
                .exchange().expectStatus().isForbidden();

        publish(List.of(org("x-committee", OrgType.COMMITTEE, null, List.of()),
                org("x-branch", OrgType.BRANCH, "x-committee", List.of("x-committee"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                client.get().uri("/api/reports/x-branch/2026").headers(h -> h.setBearerAuth(leaderOfNewCommittee))
                        .exchange().expectStatus().isOk());

        // Moved away: the old committee no longer reaches it.
        publish(List.of(org("x-other", OrgType.COMMITTEE, null, List.of()),
                org("x-branch", OrgType.BRANCH, "x-other", List.of("x-other"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                client.get().uri("/api/reports/x-branch/2026").headers(h -> h.setBearerAuth(leaderOfNewCommittee))
                        .exchange().expectStatus().isForbidden());

        // A tombstone removes it from the replica.
        publish(List.of(org("x-branch", OrgType.BRANCH, "x-committee", List.of("x-committee"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> tree.knows("x-branch")
                && tree.covers("x-committee", "x-branch"));
        tombstone("x-branch");
        await().atMost(Duration.ofSeconds(20)).until(() -> !tree.knows("x-branch"));
    }

    private void tombstone(String orgId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ORGS, orgId, null));
            producer.flush();
        }
    }
}
