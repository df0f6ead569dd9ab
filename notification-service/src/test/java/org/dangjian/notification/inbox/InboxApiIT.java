package org.dangjian.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.contracts.review.ReviewEventType;
import org.dangjian.notification.AbstractIT;
import org.dangjian.notification.view.RectificationDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** The HTTP API: inbox, acknowledge, settings validation, scope, problem+json; reviews and voids from Kafka. */
class InboxApiIT extends AbstractIT {

    @BeforeEach
    void branch() {
        Policy policy = new Policy(List.of(new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1)), 10,
                null, false, 1);
        publishOrg("c-api", "机关党委", OrgType.COMMITTEE, null, List.of(), policy, LocalDate.of(2026, 1, 1));
        publishOrg("b-api", "第三支部", OrgType.BRANCH, "c-api", List.of("c-api"), policy, LocalDate.of(2026, 1, 1));
        publishOrg("b-other", "第九支部", OrgType.BRANCH, "c-api", List.of("c-api"), policy, LocalDate.of(2026, 1, 1));
        awaitOrg("c-api");
        awaitOrg("b-api");
        awaitOrg("b-other");
    }

    private List<JsonNode> items(Response r) {
        List<JsonNode> list = new ArrayList<>();
        r.body().get("items").forEach(list::add);
        return list;
    }

    private static void assertProblem(Response r, int status, String slug) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("type").asString()).isEqualTo("urn:dangjian:problem:" + slug);
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
        assertThat(r.body().get("detail").asString()).isNotBlank();
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void inboxIsPagedAndAcknowledgedWithinScope() {
        check("2026-02-07");
        Response inbox = http(HttpMethod.GET, "/api/notifications?orgId=b-api&status=OPEN", null);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body().get("total").asLong()).isEqualTo(1);
        JsonNode reminder = items(inbox).get(0);
        assertThat(reminder.get("text").asString())
                .isEqualTo("第三支部2026年1月尚未召开支部委员会，应于2026年2月10日前完成，还剩3天。");
        String id = reminder.get("id").asString();

        check("2026-05-07"); // Jan-Mar overdue, April reminder → 5 for the branch
        Response page0 = http(HttpMethod.GET, "/api/notifications?orgId=b-api&size=2&page=0", null);
        Response page2 = http(HttpMethod.GET, "/api/notifications?orgId=b-api&size=2&page=2", null);
        assertThat(page0.body().get("total").asLong()).isEqualTo(5);
        assertThat(items(page0)).hasSize(2);
        assertThat(items(page2)).hasSize(1);

        // Scope: another branch may not read or acknowledge it; the parent committee may.
        assertProblem(http(HttpMethod.GET, "/api/notifications?orgId=b-api", null,
                headers(CallerHeaders.ORG, "b-other")), 403, "forbidden");
        assertProblem(http(HttpMethod.POST, "/api/notifications/" + id + "/ack", null,
                headers(CallerHeaders.ORG, "b-other")), 403, "forbidden");
        assertThat(http(HttpMethod.GET, "/api/notifications?orgId=b-api", null, headers(CallerHeaders.ORG, "c-api"))
                .status()).isEqualTo(200);

        Response ack = http(HttpMethod.POST, "/api/notifications/" + id + "/ack", null,
                headers(CallerHeaders.ORG, "b-api"));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(http(HttpMethod.GET, "/api/notifications?orgId=b-api&status=ACKNOWLEDGED", null).body()
                .get("total").asLong()).isEqualTo(1);
        assertProblem(http(HttpMethod.POST, "/api/notifications/nope/ack", null), 404, "not-found");

        // January's committee meeting is recorded late: its reminder (acknowledged) and notice close.
        publish("b-api", ActivityType.MEETING_HELD, beijing("2026-01-20T15:00:00"),
                meeting(MeetingType.BRANCH_COMMITTEE));
        await().atMost(WAIT).until(() -> http(HttpMethod.GET, "/api/notifications?orgId=b-api&status=CLOSED", null)
                .body().get("total").asLong() == 2);
        assertProblem(http(HttpMethod.POST, "/api/notifications/" + id + "/ack", null), 409, "illegal-transition");
    }

    @Test
    void settingsAreValidatedNamingTheField() {
        Response bad = http(HttpMethod.PUT, "/api/notifications/settings/b-api",
                Map.of("webhookUrl", "ftp://example.org/hook", "emails", List.of("zhibu@example.org", "不是邮箱")));
        assertProblem(bad, 400, "validation");
        assertThat(fields(bad)).containsExactly("webhookUrl", "emails[1]");

        Response wrongType = http(HttpMethod.PUT, "/api/notifications/settings/b-api",
                "{\"webhookUrl\": \"https://example.org/hook\", \"emails\": {\"a\": 1}}");
        assertProblem(wrongType, 400, "validation");
        assertThat(fields(wrongType)).containsExactly("emails");

        assertProblem(http(HttpMethod.PUT, "/api/notifications/settings/b-api", "{\"webhookUrl\": "), 400,
                "validation");

        Response ok = http(HttpMethod.PUT, "/api/notifications/settings/b-api",
                Map.of("webhookUrl", "https://example.org/hook", "emails", List.of("zhibu@example.org")));
        assertThat(ok.status()).isEqualTo(200);
        Response read = http(HttpMethod.GET, "/api/notifications/settings/b-api", null);
        assertThat(read.body().get("webhookUrl").asString()).isEqualTo("https://example.org/hook");
        assertProblem(http(HttpMethod.PUT, "/api/notifications/settings/b-api",
                Map.of("webhookUrl", "https://example.org/x"), headers(CallerHeaders.ORG, "b-other")), 403,
                "forbidden");

        String huge = "{\"webhookUrl\": \"https://example.org/" + "x".repeat(1_100_000) + "\"}";
        assertProblem(http(HttpMethod.PUT, "/api/notifications/settings/b-api", huge), 413, "payload-too-large");
    }

    @Test
    void badParametersAndRolesAreProblems() {
        Response status = http(HttpMethod.GET, "/api/notifications?orgId=b-api&status=DONE", null);
        assertProblem(status, 400, "validation");
        assertThat(fields(status)).containsExactly("status");
        Response asOf = http(HttpMethod.POST, "/api/notifications/checks?asOf=2026-13-01", null);
        assertProblem(asOf, 400, "validation");
        assertThat(fields(asOf)).containsExactly("asOf");
        assertProblem(http(HttpMethod.POST, "/api/notifications/checks?asOf=2026-02-07", null,
                headers(CallerHeaders.ROLES, "LEADER")), 403, "forbidden");
        assertThat(http(HttpMethod.POST, "/api/notifications/checks?asOf=2026-02-07", null,
                headers(CallerHeaders.ROLES, "LEADER,ADMIN")).status()).isEqualTo(200);
        assertProblem(http(HttpMethod.GET, "/api/notifications?orgId=b-api&size=0", null), 400, "validation");
    }

    @Test
    void rectificationsFromReviewsAreChasedAndCloseWhenSubmitted() {
        var rect = new ReviewEvent.Rectification("r-1", "三会一课制度执行不严格", "每月按时召开支委会",
                LocalDate.of(2026, 6, 30), "OPEN");
        publishReview(new ReviewEvent("rv-1", ReviewEventType.RECTIFICATION_DUE, "cy-1", 2025, "c-api", "b-api",
                Instant.parse("2026-03-01T02:00:00Z"), LocalDate.of(2026, 6, 30), rect, "整改事项已下达"));
        await().atMost(WAIT).until(() -> mongo.findById("r-1", RectificationDoc.class) != null);

        check("2026-06-27");
        List<JsonNode> open = items(http(HttpMethod.GET, "/api/notifications?orgId=b-api&status=OPEN", null)).stream()
                .filter(n -> n.get("kind").asString().equals("RECTIFICATION")).toList();
        assertThat(open).singleElement().satisfies(n -> assertThat(n.get("text").asString()).isEqualTo(
                "第三支部的整改事项“三会一课制度执行不严格”（整改措施：每月按时召开支委会）应于2026年6月30日前完成整改，还剩3天。"));

        publishReview(new ReviewEvent("rv-2", ReviewEventType.RECTIFICATION_UPDATED, "cy-1", 2025, "c-api", "b-api",
                Instant.parse("2026-06-28T02:00:00Z"), LocalDate.of(2026, 6, 30),
                new ReviewEvent.Rectification("r-1", rect.problem(), rect.measure(), rect.deadline(), "SUBMITTED"),
                "整改材料已提交"));
        String id = open.get(0).get("id").asString();
        await().atMost(WAIT).until(() -> http(HttpMethod.GET, "/api/notifications/" + id, null).body().get("status")
                .asString().equals("CLOSED"));
        check("2026-07-20");
        assertThat(items(http(HttpMethod.GET, "/api/notifications?orgId=c-api", null)))
                .noneMatch(n -> n.get("kind").asString().equals("RECTIFICATION"));
    }

    @Test
    void aVoidedMeetingIsOwedAgainAndRedeliveryCountsOnce() {
        ActivityEvent held = publish("b-api", ActivityType.MEETING_HELD, beijing("2026-01-15T15:00:00"),
                meeting(MeetingType.BRANCH_COMMITTEE));
        publish(held); // the same event redelivered
        awaitEvents("b-api", 1);
        check("2026-02-07");
        assertThat(http(HttpMethod.GET, "/api/notifications?orgId=b-api", null).body().get("total").asLong()).isZero();

        publish("b-api", ActivityType.ACTIVITY_VOIDED, beijing("2026-02-08T10:00:00"),
                Map.of("voidedEventId", held.eventId(), "reason", "录入错误", "voided", held));
        awaitEvents("b-api", 2);
        check("2026-02-08");
        JsonNode reminder = items(http(HttpMethod.GET, "/api/notifications?orgId=b-api", null)).get(0);
        assertThat(reminder.get("text").asString()).endsWith("还剩2天。");
        String id = reminder.get("id").asString();

        // Recorded late, it closes; voided again, the next check opens it again (not a second notification).
        ActivityEvent late = publish("b-api", ActivityType.MEETING_HELD, beijing("2026-01-30T15:00:00"),
                meeting(MeetingType.BRANCH_COMMITTEE));
        await().atMost(WAIT).until(() -> status(id).equals("CLOSED"));
        publish("b-api", ActivityType.ACTIVITY_VOIDED, beijing("2026-02-09T10:00:00"),
                Map.of("voidedEventId", late.eventId(), "reason", "日期有误", "voided", late));
        awaitEvents("b-api", 4);
        assertThat(check("2026-02-09").body().get("reopened").asLong()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("OPEN");
        assertThat(http(HttpMethod.GET, "/api/notifications?orgId=b-api", null).body().get("total").asLong())
                .isEqualTo(1);
    }

    private String status(String id) {
        return http(HttpMethod.GET, "/api/notifications/" + id, null).body().get("status").asString();
    }

    @Test
    void openApiDocsAreServed() {
        Response docs = http(HttpMethod.GET, "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/notifications/checks")).isTrue();
        assertThat(docs.body().get("paths").has("/api/notifications/{id}/ack")).isTrue();
    }
}
