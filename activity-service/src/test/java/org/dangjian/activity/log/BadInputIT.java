package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input: a 4xx problem+json naming the field, and nothing stored. */
class BadInputIT extends IntegrationTest {

    private static final String ENVELOPE = "{\"eventId\":\"%s\",\"orgId\":\"bi-b1\",\"type\":\"%s\","
            + "\"occurredAt\":\"2026-03-04T09:00:00+08:00\",\"payload\":%s}";

    private static String event(String id, String type, String payload) {
        return String.format(ENVELOPE, id, type, payload);
    }

    private static String dues(String id, String amount, String period) {
        return event(id, "DUES_PAID", "{\"memberId\":\"bi-m1\",\"period\":\"" + period + "\",\"amountFen\":" + amount + "}");
    }

    static Stream<Arguments> cases() {
        String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString();
        return Stream.of(
                Arguments.of("malformed JSON", "bi-1", "{\"eventId\":\"bi-1\",\"orgId\":", 400, "body"),
                Arguments.of("missing eventId", null, "{\"orgId\":\"bi-b1\",\"type\":\"CARE_VISIT\","
                        + "\"occurredAt\":\"2026-03-04T09:00:00+08:00\",\"payload\":{\"persons\":3}}", 400, "eventId"),
                Arguments.of("missing payload field", "bi-3", event("bi-3", "MEETING_HELD",
                        "{\"meetingType\":\"PARTY_LECTURE\",\"attendees\":5,\"expected\":7}"), 400, "payload.topic"),
                Arguments.of("wrong type", "bi-4", event("bi-4", "MEETING_HELD",
                        "{\"meetingType\":\"PARTY_LECTURE\",\"attendees\":\"five\",\"expected\":7,\"topic\":\"t\"}"),
                        400, "payload.attendees"),
                Arguments.of("wrong type beside a missing field", "bi-4b", event("bi-4b", "MEETING_HELD",
                        "{\"meetingType\":\"PARTY_LECTURE\",\"attendees\":\"five\",\"expected\":7}"),
                        400, "payload.attendees"),
                Arguments.of("unknown enum value beside a missing field", "bi-6b", event("bi-6b", "MEETING_HELD",
                        "{\"meetingType\":\"PARTY_PICNIC\",\"attendees\":5,\"expected\":7}"),
                        400, "payload.meetingType"),
                Arguments.of("unknown type", "bi-5", event("bi-5", "PICNIC_HELD", "{}"), 400, "type"),
                Arguments.of("unknown enum value", "bi-6", event("bi-6", "MEETING_HELD",
                        "{\"meetingType\":\"PARTY_PICNIC\",\"attendees\":5,\"expected\":7,\"topic\":\"t\"}"),
                        400, "payload.meetingType"),
                Arguments.of("negative money", "bi-7", dues("bi-7", "-100", "2026-03"), 400, "payload.amountFen"),
                Arguments.of("fractional money", "bi-8", dues("bi-8", "12.5", "2026-03"), 400, "payload.amountFen"),
                Arguments.of("zero money", "bi-9", dues("bi-9", "0", "2026-03"), 400, "payload.amountFen"),
                Arguments.of("money as a string", "bi-10", dues("bi-10", "\"100\"", "2026-03"), 400, "payload.amountFen"),
                Arguments.of("month 13", "bi-11", dues("bi-11", "100", "2026-13"), 400, "payload.period"),
                Arguments.of("future occurredAt", "bi-12", "{\"eventId\":\"bi-12\",\"orgId\":\"bi-b1\","
                        + "\"type\":\"CARE_VISIT\",\"occurredAt\":\"" + future + "\",\"payload\":{\"persons\":3}}",
                        400, "occurredAt"),
                Arguments.of("occurredAt without offset", "bi-13", "{\"eventId\":\"bi-13\",\"orgId\":\"bi-b1\","
                        + "\"type\":\"CARE_VISIT\",\"occurredAt\":\"2026-03-04T09:00:00\",\"payload\":{\"persons\":3}}",
                        400, "occurredAt"),
                Arguments.of("orgId not a string", "bi-14", "{\"eventId\":\"bi-14\",\"orgId\":42,"
                        + "\"type\":\"CARE_VISIT\",\"occurredAt\":\"2026-03-04T09:00:00+08:00\",\"payload\":{\"persons\":3}}",
                        400, "orgId"),
                Arguments.of("payload not an object", "bi-15", event("bi-15", "CARE_VISIT", "[1]"), 400, "payload"),
                Arguments.of("unknown org", "bi-16", "{\"eventId\":\"bi-16\",\"orgId\":\"no-such-org\","
                        + "\"type\":\"CARE_VISIT\",\"occurredAt\":\"2026-03-04T09:00:00+08:00\",\"payload\":{\"persons\":3}}",
                        422, "orgId"),
                Arguments.of("unknown member", "bi-17", event("bi-17", "DUES_PAID",
                        "{\"memberId\":\"nobody\",\"period\":\"2026-03\",\"amountFen\":100}"), 422, "payload.memberId"),
                Arguments.of("unknown talk partner", "bi-18", event("bi-18", "TALK_HELD",
                        "{\"memberIds\":[\"nobody\"],\"topic\":\"谈心\"}"), 422, "payload.memberIds[0]"),
                Arguments.of("void posted as an event", "bi-19", event("bi-19", "ACTIVITY_VOIDED",
                        "{\"voidedEventId\":\"x\",\"reason\":\"r\"}"), 400, "type"),
                Arguments.of("body not an object", null, "[]", 400, "body"));
    }

    @BeforeEach
    void org() {
        http().put("/api/orgs/bi-b1", branch("bi-b1", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithTheFieldNamedAndNothingStored(String name, String eventId, String body, int status, String field) {
        Http http = http();
        Http.Response r = http.post("/api/activities", body);
        assertThat(r.status()).as(name).isEqualTo(status);
        assertProblem(r, field);
        if (eventId != null) {
            assertThat(http.get("/api/activities/" + eventId).status()).isEqualTo(404);
        }
    }

    @Test
    void fiveMegabyteBodyIsRefused() {
        String big = event("bi-big", "MEETING_HELD", "{\"meetingType\":\"PARTY_LECTURE\",\"attendees\":5,"
                + "\"expected\":7,\"topic\":\"" + "长".repeat(5 * 1024 * 1024 / 3) + "\"}");
        Http.Response r = http().post("/api/activities", big);
        assertThat(r.status()).isEqualTo(413);
        assertProblem(r, "body");
        assertThat(http().get("/api/activities/bi-big").status()).isEqualTo(404);
    }

    @Test
    void fiveMegabyteChunkedBodyIsRefused() throws Exception {
        byte[] big = event("bi-big2", "MEETING_HELD", "{\"meetingType\":\"PARTY_LECTURE\",\"attendees\":5,"
                + "\"expected\":7,\"topic\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/activities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("payload-too-large");
        assertThat(http().get("/api/activities/bi-big2").status()).isEqualTo(404);
    }

    @Test
    void severalBadFieldsAreAllNamed() {
        Http.Response r = http().post("/api/activities", "{\"eventId\":\"bi-many\",\"type\":\"DUES_PAID\","
                + "\"occurredAt\":\"yesterday\",\"payload\":{\"memberId\":\"m\",\"period\":\"2026-03\",\"amountFen\":1}}");
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("orgId", "occurredAt");
    }

    private static void assertProblem(Http.Response r, String field) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).startsWith("urn:dangjian:problem:");
        assertThat(p.get("status").asInt()).isEqualTo(r.status());
        assertThat(p.get("detail").asString()).isNotBlank();
        List<String> fields = new ArrayList<>();
        p.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
    }
}
