package org.dangjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.review.support.Http;
import org.dangjian.review.support.Http.Resp;
import org.dangjian.review.support.ReviewIntegrationSupport;
import org.junit.jupiter.api.Test;

/** Storage guarantees: no lost update under concurrency, no lost event when publishing did not happen. */
class ReviewStoreIT extends ReviewIntegrationSupport {

    static final String ROOT = "wc-store";
    static final String C = "c-store";
    static final String B1 = "b1-store";
    static final String B2 = "b2-store";

    private String open() {
        publishOrgs(List.of(org(ROOT, "党工委", OrgType.WORKING_COMMITTEE, null, List.of()),
                org(C, "机关党委", OrgType.COMMITTEE, ROOT, List.of(ROOT)),
                org(B1, "第一党支部", OrgType.BRANCH, C, List.of(ROOT, C)),
                org(B2, "第二党支部", OrgType.BRANCH, C, List.of(ROOT, C))));
        CLOCK.set("2027-01-10T10:00:00+08:00");
        Map<String, String> headers = new HashMap<>(Http.as(C));
        headers.put("X-Request-Id", "req-store-1");
        Resp r = http.post("/api/reviews/cycles", Map.of("committeeOrgId", C, "year", 2026, "orgIds",
                List.of(B1, B2), "submissionDeadline", "2027-01-15", "reviewDeadline", "2027-01-31", "dimensions",
                List.of(Map.of("key", "org", "name", "基层组织建设", "weight", 1))), headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return "/api/reviews/cycles/" + r.text("cycleId");
    }

    @Test
    void concurrentReviewersNeverOverwriteEachOther() throws Exception {
        String cycle = open();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Resp>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String reviewer = "r" + i;
                calls.add(CompletableFuture.supplyAsync(() -> http.put(cycle + "/assessments/" + B1 + "/" + reviewer,
                        Map.of("rating", "GOOD", "scores", Map.of("org", 80)), Http.as(C)), pool));
            }
            for (CompletableFuture<Resp> c : calls) {
                assertThat(c.get().status()).as(c.get().toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(http.get(cycle + "/assessments/" + B1, Http.as(C)).body().size()).isEqualTo(12);
        List<Published> events = readReviews(B1, got -> got.stream()
                .filter(p -> p.type().equals("ASSESSMENT_RECORDED")).count() >= 12);
        assertThat(events).filteredOn(p -> p.type().equals("ASSESSMENT_RECORDED")).hasSize(12);
        // the correlation id of the request that opened the cycle travels with its events
        assertThat(events.get(0).headers()).containsEntry("ce_correlationid", "req-store-1");
    }

    @Test
    void eventsStoredButNotYetPublishedAreRelayed() {
        String cycle = open();
        String cycleId = cycle.substring(cycle.lastIndexOf('/') + 1);
        // as if the service died right after storing: an event sits in the outbox of a stored review
        String eventId = UUID.randomUUID().toString();
        String json = "{\"eventId\":\"" + eventId + "\",\"type\":\"REPORT_SUBMITTED\",\"cycleId\":\"" + cycleId
                + "\",\"year\":2026,\"committeeOrgId\":\"" + C + "\",\"orgId\":\"" + B2
                + "\",\"occurredAt\":\"2027-01-12T01:00:00Z\",\"summary\":\"第二党支部已提交2026年度述职报告\"}";
        mongo.getCollection("org_reviews").insertOne(new Document("_id", cycleId + "/" + B2 + "-leftover")
                .append("cycleId", cycleId).append("orgId", B2 + "-leftover").append("committeeOrgId", C)
                .append("revision", 1L)
                .append("outbox", List.of(new Document("eventId", eventId).append("key", B2)
                        .append("type", "dangjian.review.report-submitted.v1")
                        .append("time", java.util.Date.from(Instant.parse("2027-01-12T01:00:00Z")))
                        .append("subject", B2).append("json", json))));
        List<Published> got = readReviews(B2, list -> list.stream()
                .anyMatch(p -> p.value().get("eventId").asString().equals(eventId)));
        Published relayed = got.stream().filter(p -> p.value().get("eventId").asString().equals(eventId))
                .findFirst().orElseThrow();
        assertThat(relayed.headers()).containsEntry("ce_id", eventId)
                .containsEntry("ce_type", "dangjian.review.report-submitted.v1")
                .containsEntry("ce_time", "2027-01-12T01:00:00Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outboxLeft()).isZero());
    }
}
