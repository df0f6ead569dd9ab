package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that is down or too slow gives a quick 503 problem+json with Retry-After (the test context's time
 * limit is 2 s and its breaker opens after 2 failures for 1 s), and the route works again once it is back.
 */
class ResilienceIT extends GatewayITBase {

    @AfterEach
    void serviceBack() {
        // Whatever happened, the next test finds the service running and its breaker closed again.
        NOTIFICATION.restartIfStopped();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> notifications().expectStatus().isOk());
    }

    @Test
    void aStoppedServiceGives503QuicklyAndRecoversWhenBack() {
        notifications().expectStatus().isOk();
        NOTIFICATION.stop();

        for (int i = 0; i < 4; i++) {
            // Answered within the client's 4 s, although nothing listens any more.
            quickClient().get().uri("/api/notifications?orgId=t-branch-1")
                    .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Retry-After", "2")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:dangjian:problem:service-unavailable")
                    .jsonPath("$.status").isEqualTo(503);
        }
        // Other services are not affected.
        client.get().uri("/api/reports/t-branch-1/2026")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .exchange().expectStatus().isOk();

        NOTIFICATION.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> notifications().expectStatus().isOk());
    }

    @Test
    void aSlowServiceGives503AtTheTimeLimit() {
        long started = System.nanoTime();
        quickClient().get().uri("/api/notifications?orgId=t-branch-1")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .header("X-Test-Delay-Ms", "8000")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("urn:dangjian:problem:service-unavailable");
        // The 2 s limit, not the service's 8 s, decided (the client itself would give up at 4 s).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theConfiguredTimeLimitIsTheOneThatApplies() {
        // Slower than Resilience4j's built-in 1 s default, within the configured 2 s.
        client.get().uri("/api/notifications?orgId=t-branch-1")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .header("X-Test-Delay-Ms", "1300")
                .exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec notifications() {
        return client.get().uri("/api/notifications?orgId=t-branch-1")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .exchange();
    }

    private WebTestClient quickClient() {
        return client.mutate().responseTimeout(Duration.ofSeconds(4)).build();
    }
}
