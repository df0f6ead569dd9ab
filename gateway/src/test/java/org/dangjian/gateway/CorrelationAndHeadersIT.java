package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Request ids, caller headers, bodies passed on untouched, the size cap, and what is open without a token. */
class CorrelationAndHeadersIT extends GatewayITBase {

    @Test
    void aClientRequestIdIsForwardedAndReturned() {
        client.get().uri("/api/reports/t-branch-1/2026")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .header("X-Request-Id", "client-chosen-42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "client-chosen-42")
                .expectBody().jsonPath("$.headers['x-request-id']").isEqualTo("client-chosen-42");
    }

    @Test
    void withoutOneTheGatewayMakesOneAndUsesItBothWays() {
        var result = client.get().uri("/api/reports/t-branch-1/2026")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult();
        String returned = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(returned).isNotBlank();
        assertThat(((java.util.Map<?, ?>) result.getResponseBody().get("headers")).get("x-request-id"))
                .isEqualTo(returned);
    }

    @Test
    void refusalsCarryTheRequestIdToo() {
        client.get().uri("/api/reports/t-branch-1/2026").header("X-Request-Id", "refused-1")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "refused-1");
    }

    @Test
    void callerHeadersSentByTheClientAreReplacedByTheTokens() {
        client.get().uri("/api/reports/t-branch-1/2026")
                .headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .header("X-Dangjian-Org", "t-county")
                .header("X-Dangjian-Roles", "ADMIN")
                .header("X-Dangjian-Subject", "someone-else")
                .header("X-Dangjian-Extra", "sneaky")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.headers['x-dangjian-org']").isEqualTo("t-branch-1")
                .jsonPath("$.headers['x-dangjian-roles']").isEqualTo("LEADER")
                .jsonPath("$.headers['x-dangjian-subject']").isEqualTo("leader")
                .jsonPath("$.headers['x-dangjian-extra']").doesNotExist();
    }

    @Test
    void callerHeadersAreStrippedOnOpenRoutesToo() {
        client.get().uri("/api/docs/activity").header("X-Dangjian-Org", "t-county")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/v3/api-docs")
                .jsonPath("$.headers['x-dangjian-org']").doesNotExist();
    }

    @Test
    void theInspectedBodyReachesTheServiceByteForByte() {
        String body = """
                {"eventId":"e-1","orgId":"t-branch-1","type":"MEETING_HELD","payload":{"topic":"学习二十大精神"}}""";
        client.post().uri("/api/activities")
                .headers(h -> h.setBearerAuth(token("branch", "t-branch-1", "BRANCH_SYSTEM")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.body").isEqualTo(body)
                .jsonPath("$.headers['content-length']").isEqualTo(
                        String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    @Test
    void aBodyOverTheCapIs413ProblemJson() {
        byte[] big = new byte[6 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        client.post().uri("/api/activities/batch")
                .headers(h -> h.setBearerAuth(token("branch", "t-branch-1", "BRANCH_SYSTEM")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:dangjian:problem:payload-too-large");
    }

    @Test
    void docsAndHealthAreOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/api/docs/report").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("report");
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[?(@.url == '/api/docs/review')]").exists();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void managementEndpointsBeyondHealthNeedAnAdmin() {
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/gateway/routes")
                .headers(h -> h.setBearerAuth(token("leader", "t-county", "LEADER")))
                .exchange().expectStatus().isForbidden();
    }
}
