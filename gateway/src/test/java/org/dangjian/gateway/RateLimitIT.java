package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Per-client limits: the test context gives subject {@code throttled-client} a bucket of 3 refilled with 3
 * every 2 s. The fourth request in a row is 429 with Retry-After; after the window it passes again; other
 * clients are not affected meanwhile.
 */
class RateLimitIT extends GatewayITBase {

    @Test
    void overTheLimitIs429WithRetryAfterAndRecovers() {
        String throttled = token("throttled-client", "t-branch-1", "LEADER");
        for (int i = 0; i < 3; i++) {
            report(throttled).expectStatus().isOk();
        }
        String retryAfter = report(throttled)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:rate-limited")
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);

        // Someone else still gets through.
        report(token("another-client", "t-branch-1", "LEADER")).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> report(throttled).expectStatus().isOk());
    }

    private WebTestClient.ResponseSpec report(String token) {
        return client.get().uri("/api/reports/t-branch-1/2026").headers(h -> h.setBearerAuth(token)).exchange();
    }
}
