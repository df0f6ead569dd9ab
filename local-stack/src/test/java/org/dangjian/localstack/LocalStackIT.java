package org.dangjian.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as the README runs it: real KRaft broker, file-backed Mongo-wire server, five services, all
 * requests through the gateway with a token it minted.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalStackIT {

    private static final String BRANCH = "e2e-branch";
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static StackSettings settings;
    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void startStack() throws Exception {
        settings = StackSettings.withFreePorts(StackSettings.locateRepositoryRoot(Path.of("").toAbsolutePath()), data);
        stack = LocalStack.start(settings);
        token = mintToken();
        HttpResponse<String> created = send("PUT", "/api/orgs/" + BRANCH,
                Map.of("name", "机关第一党支部", "type", "BRANCH"));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void meetingPostedThroughTheGatewayIsCountedInTheReport() throws Exception {
        postMeeting("BRANCH_COMMITTEE", "2026-03-04T09:00:00+08:00");

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode report = report(2026);
            assertThat(report.path("meetings").path("BRANCH_COMMITTEE").path("count").asInt()).isEqualTo(1);
            assertThat(report.path("meetings").path("BRANCH_COMMITTEE").path("byMonth").path("3").asInt())
                    .isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void anEventAfterMidnightInBeijingCountsInTheNewYear() throws Exception {
        // 2025-12-31T16:30Z is 2026-01-01 00:30 in Beijing.
        postMeeting("THEME_PARTY_DAY", "2025-12-31T16:30:00Z");

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode meetings = report(2026).path("meetings").path("THEME_PARTY_DAY");
            assertThat(meetings.path("count").asInt()).isEqualTo(1);
            assertThat(meetings.path("byMonth").path("1").asInt()).isEqualTo(1);
        });
        HttpResponse<String> year2025 = send("GET", "/api/reports/" + BRANCH + "/2025", null);
        if (year2025.statusCode() == 200) {
            assertThat(json.readTree(year2025.body()).path("meetings").path("THEME_PARTY_DAY").path("count").asInt())
                    .isZero();
        } else {
            assertThat(year2025.statusCode()).isEqualTo(404);
        }
    }

    @Test
    @Order(3)
    void aRestartOnTheSameDataKeepsWhatWasPostedAndCountsWhatComesAfter() throws Exception {
        stack.close();
        stack = null;
        stack = LocalStack.start(settings);

        // The token minted before the restart still works: the gateway's signing key is kept in the data folder.
        JsonNode before = report(2026);
        assertThat(before.path("meetings").path("BRANCH_COMMITTEE").path("count").asInt()).isEqualTo(1);
        assertThat(before.path("meetings").path("THEME_PARTY_DAY").path("count").asInt()).isEqualTo(1);

        postMeeting("BRANCH_COMMITTEE", "2026-04-02T15:00:00+08:00");

        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode report = report(2026);
            assertThat(report.path("meetings").path("BRANCH_COMMITTEE").path("count").asInt()).isEqualTo(2);
            assertThat(report.path("meetings").path("THEME_PARTY_DAY").path("count").asInt()).isEqualTo(1);
        });
    }

    private static void postMeeting(String meetingType, String occurredAt) throws Exception {
        HttpResponse<String> response = send("POST", "/api/activities", Map.of(
                "eventId", UUID.randomUUID().toString(),
                "orgId", BRANCH,
                "type", "MEETING_HELD",
                "occurredAt", occurredAt,
                "payload", Map.of("meetingType", meetingType, "attendees", 5, "expected", 6, "topic", "学习党的二十大精神")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode report(int year) throws Exception {
        HttpResponse<String> response = send("GET", "/api/reports/" + BRANCH + "/" + year, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String mintToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl()
                        + "/api/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "subject", "e2e-secretary",
                        "roles", new String[] {"ADMIN", "BRANCH_SYSTEM", "LEADER"},
                        "orgId", BRANCH))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json.readTree(response.body()).path("token").asString();
    }

    private static HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
