package org.dangjian.report.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.org.OrgType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportFlowIT extends ServiceITBase {

    @Test
    void meetingIsCountedAndYearBoundaryIsShanghai() {
        events.publish(TestEvents.event("b-flow", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                        TestEvents.meeting("BRANCH_COMMITTEE", 5, 7)),
                TestEvents.event("b-flow", ActivityType.MEETING_HELD, "2025-12-31T16:30:00Z",
                        TestEvents.meeting("THEME_PARTY_DAY", 6, 7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> report("/api/reports/b-flow/2026") != null
                && report("/api/reports/b-flow/2026").path("eventsApplied").asLong() == 2);
        JsonNode r = report("/api/reports/b-flow/2026");
        assertThat(r.path("orgId").asString()).isEqualTo("b-flow");
        assertThat(r.path("year").asInt()).isEqualTo(2026);
        assertThat(r.path("asOf").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*\\+08:00");
        assertThat(count(r, "BRANCH_COMMITTEE")).isEqualTo(1);
        assertThat(r.path("meetings").path("BRANCH_COMMITTEE").path("attendees").asLong()).isEqualTo(5);
        assertThat(r.path("meetings").path("BRANCH_COMMITTEE").path("expected").asLong()).isEqualTo(7);
        assertThat(r.path("meetings").path("BRANCH_COMMITTEE").path("byMonth").path("3").asLong()).isEqualTo(1);
        // 2025-12-31T16:30Z is 2026-01-01 00:30 in Beijing
        assertThat(r.path("meetings").path("THEME_PARTY_DAY").path("byMonth").path("1").asLong()).isEqualTo(1);
        assertThat(r.path("activities").path("MEETING_HELD").asLong()).isEqualTo(2);
        assertThat(get("/api/reports/b-flow/2025").statusCode()).isEqualTo(404);
    }

    @Test
    void sameEventPublishedTwiceAtDifferentOffsetsCountsOnce() {
        ActivityEvent e = TestEvents.event("b-dup", ActivityType.MEETING_HELD, "2026-02-04T09:00:00+08:00",
                TestEvents.meeting("BRANCH_MEMBER_ASSEMBLY", 9, 10));
        events.publish(e);
        events.publish(e);
        events.publish(TestEvents.event("b-dup", ActivityType.CARE_VISIT, "2026-02-05T09:00:00+08:00",
                Map.of("persons", 3, "note", "春节慰问")));
        await().atMost(Duration.ofSeconds(30)).until(() -> report("/api/reports/b-dup/2026") != null
                && report("/api/reports/b-dup/2026").path("care").path("personTimes").asLong() == 3);
        JsonNode r = report("/api/reports/b-dup/2026");
        assertThat(count(r, "BRANCH_MEMBER_ASSEMBLY")).isEqualTo(1);
        assertThat(r.path("eventsApplied").asLong()).isEqualTo(2);
    }

    @Test
    void voidSubtracts() {
        ActivityEvent e = TestEvents.event("b-void", ActivityType.DUES_PAID, "2026-01-05T09:00:00+08:00",
                Map.of("memberId", "m1", "period", "2026-01", "amountFen", 2500));
        ActivityEvent keep = TestEvents.event("b-void", ActivityType.DUES_PAID, "2026-01-06T09:00:00+08:00",
                Map.of("memberId", "m2", "period", "2026-01", "months", 3, "amountFen", 6000));
        ActivityEvent v = TestEvents.event("b-void", ActivityType.ACTIVITY_VOIDED, "2026-01-07T09:00:00+08:00",
                Map.of("voidedEventId", e.eventId(), "reason", "录入错误", "voided", e));
        events.publish(e, keep, v);
        await().atMost(Duration.ofSeconds(30)).until(() -> report("/api/reports/b-void/2026") != null
                && report("/api/reports/b-void/2026").path("dues").path("totalFen").asLong() == 6000);
        JsonNode r = report("/api/reports/b-void/2026");
        assertThat(r.path("dues").path("totalYuan").asString()).isEqualTo("60.00");
        assertThat(r.path("dues").path("members").has("m1")).isFalse();
        assertThat(r.path("dues").path("members").path("m2").toString()).isEqualTo("[1,2,3]");
        assertThat(r.path("eventsApplied").asLong()).isEqualTo(1);
    }

    @Test
    void badYearAndUnknownOrgAreProblems() {
        HttpResponse<String> bad = get("/api/reports/b-x/1999");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("urn:dangjian:problem:validation").contains("year");
        HttpResponse<String> missing = get("/api/reports/nobody/2026");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("urn:dangjian:problem:not-found");
        assertThat(get("/api/reports/b-x/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void subtreeRollUpFollowsMoves() {
        events.publishOrg("w-1", "某街道党工委", OrgType.WORKING_COMMITTEE, null, List.of(), 1);
        events.publishOrg("c-1", "机关党委", OrgType.COMMITTEE, "w-1", List.of("w-1"), 1);
        events.publishOrg("c-2", "社区党委", OrgType.COMMITTEE, "w-1", List.of("w-1"), 1);
        events.publishOrg("b-11", "第一党支部", OrgType.BRANCH, "c-1", List.of("w-1", "c-1"), 1);
        events.publishOrg("b-12", "第二党支部", OrgType.BRANCH, "c-1", List.of("w-1", "c-1"), 1);
        events.publishOrg("b-21", "第三党支部", OrgType.BRANCH, "c-2", List.of("w-1", "c-2"), 1);
        events.publish(TestEvents.event("b-11", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                        TestEvents.meeting("PARTY_LECTURE", 5, 7)),
                TestEvents.event("b-12", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                        TestEvents.meeting("PARTY_LECTURE", 5, 7)),
                TestEvents.event("b-21", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                        TestEvents.meeting("PARTY_LECTURE", 5, 7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(report("/api/reports/w-1/2026?scope=subtree"),
                "PARTY_LECTURE") == 3);
        JsonNode w = report("/api/reports/w-1/2026?scope=subtree");
        assertThat(w.path("scope").asString()).isEqualTo("subtree");
        assertThat(child(w, "c-1").path("meetings").path("PARTY_LECTURE").asLong()).isEqualTo(2);
        assertThat(child(w, "c-2").path("meetings").path("PARTY_LECTURE").asLong()).isEqualTo(1);
        // move b-12 from c-1 to c-2
        events.publishOrg("b-12", "第二党支部", OrgType.BRANCH, "c-2", List.of("w-1", "c-2"), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(report("/api/reports/c-2/2026?scope=subtree"),
                "PARTY_LECTURE") == 2);
        assertThat(count(report("/api/reports/c-1/2026?scope=subtree"), "PARTY_LECTURE")).isEqualTo(1);
        JsonNode w2 = report("/api/reports/w-1/2026?scope=subtree");
        assertThat(count(w2, "PARTY_LECTURE")).isEqualTo(3);
        assertThat(child(w2, "c-2").path("meetings").path("PARTY_LECTURE").asLong()).isEqualTo(2);
        // the gateway's caller scope: c-2 reaches b-12 below it, c-1 no longer does
        assertThat(getAs("/api/reports/b-12/2026", "X-Dangjian-Org", "c-2").statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = getAs("/api/reports/b-12/2026", "X-Dangjian-Org", "c-1");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("urn:dangjian:problem:forbidden");
        assertThat(postAs("/api/reports/admin/rebuild", "X-Dangjian-Roles", "LEADER").statusCode()).isEqualTo(403);
        // a stale state (older version) does not undo the move
        events.publishOrg("b-12", "第二党支部", OrgType.BRANCH, "c-1", List.of("w-1", "c-1"), 1);
        events.publishOrg("c-3", "新党委", OrgType.COMMITTEE, "w-1", List.of("w-1"), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> child(report("/api/reports/w-1/2026?scope=subtree"),
                "c-3") != null);
        assertThat(count(report("/api/reports/c-2/2026?scope=subtree"), "PARTY_LECTURE")).isEqualTo(2);
    }

    private static JsonNode child(JsonNode report, String orgId) {
        if (report == null) {
            return null;
        }
        for (JsonNode c : report.path("children")) {
            if (c.path("orgId").asString().equals(orgId)) {
                return c;
            }
        }
        return null;
    }
}
