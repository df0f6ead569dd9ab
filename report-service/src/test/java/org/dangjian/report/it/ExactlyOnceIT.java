package org.dangjian.report.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.report.projection.ProjectionStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ExactlyOnceIT extends ServiceITBase {

    @Autowired
    ProjectionStore store;

    @Test
    void consumerFailingMidBatchIsRedeliveredAndCountsExactlyOnce() {
        store.simulateCrashAfterDocuments(1);
        List<ActivityEvent> batch = new ArrayList<>();
        for (String org : List.of("b-crash-1", "b-crash-2", "b-crash-3")) {
            for (int m = 1; m <= 4; m++) {
                batch.add(TestEvents.event(org, ActivityType.MEETING_HELD, "2026-0" + m + "-04T09:00:00+08:00",
                        TestEvents.meeting("THEME_PARTY_DAY", 8, 9)));
            }
            batch.add(TestEvents.event(org, ActivityType.DUES_PAID, "2026-01-05T09:00:00+08:00",
                    Map.of("memberId", "m-" + org, "period", "2025-12", "months", 3, "amountFen", 1234)));
        }
        events.publish(batch.toArray(ActivityEvent[]::new));
        for (String org : List.of("b-crash-1", "b-crash-2", "b-crash-3")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> report("/api/reports/" + org + "/2026") != null
                    && report("/api/reports/" + org + "/2026").path("eventsApplied").asLong() == 5);
        }
        for (String org : List.of("b-crash-1", "b-crash-2", "b-crash-3")) {
            JsonNode r = report("/api/reports/" + org + "/2026");
            assertThat(count(r, "THEME_PARTY_DAY")).isEqualTo(4);
            assertThat(r.path("dues").path("totalFen").asLong()).isEqualTo(1234);
            assertThat(r.path("dues").path("members").path("m-" + org).toString()).isEqualTo("[1,2]");
            // the December month of the prepayment is marked in 2025, without the money
            JsonNode prev = report("/api/reports/" + org + "/2025");
            assertThat(prev.path("dues").path("members").path("m-" + org).toString()).isEqualTo("[12]");
            assertThat(prev.path("dues").path("totalFen").asLong()).isZero();
        }
    }

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void consumerStoppedMidLoadAndRestartedCountsExactlyOnce() {
        long before = store.appliedCount();
        List<ActivityEvent> load = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String org = "b-stop-" + (i % 3);
            load.add(TestEvents.event(org, ActivityType.MEETING_HELD,
                    String.format("2026-%02d-%02dT09:00:00+08:00", 1 + i % 12, 1 + i % 28),
                    TestEvents.meeting("STUDY_SESSION", 3, 4)));
        }
        store.simulateCrashAfterDocuments(1);
        events.publish(load.toArray(ActivityEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.appliedCount() > before);
        bindings.stop("activities-in-0");
        long atStop = store.appliedCount() - before;
        // published while the consumer is down, including a duplicate of an event already applied
        events.publish(TestEvents.event("b-stop-0", ActivityType.CARE_VISIT, "2026-06-01T09:00:00+08:00",
                Map.of("persons", 2, "note", "慰问")), load.get(0));
        bindings.start("activities-in-0");
        for (int k = 0; k < 3; k++) {
            String org = "b-stop-" + k;
            await().atMost(Duration.ofSeconds(60)).until(() -> count(report("/api/reports/" + org + "/2026"),
                    "STUDY_SESSION") == 1000);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report("/api/reports/b-stop-0/2026").path("care")
                .path("personTimes").asLong() == 2);
        for (int k = 0; k < 3; k++) {
            JsonNode r = report("/api/reports/b-stop-" + k + "/2026");
            assertThat(count(r, "STUDY_SESSION")).isEqualTo(1000);
            assertThat(r.path("meetings").path("STUDY_SESSION").path("attendees").asLong()).isEqualTo(3000);
        }
        assertThat(report("/api/reports/b-stop-0/2026").path("eventsApplied").asLong()).isEqualTo(1001);
        System.out.printf("consumer stopped after %d of 3000 events had been applied%n", atStop);
    }

    @Test
    void fullRebuildLandsOnIdenticalReports() {
        ActivityEvent e = TestEvents.event("b-rebuild", ActivityType.MEETING_HELD, "2026-05-04T09:00:00+08:00",
                TestEvents.meeting("PARTY_LECTURE", 8, 9));
        events.publish(e, e, TestEvents.event("b-rebuild", ActivityType.MEMBER_REGISTERED, "2026-01-02T09:00:00+08:00",
                        Map.of("memberId", "m-r1", "name", "王芳", "stage", "FULL", "since", "2015-07-01")),
                TestEvents.event("b-rebuild", ActivityType.DUES_PAID, "2026-02-03T09:00:00+08:00",
                        Map.of("memberId", "m-r1", "period", "2026-01", "months", 2, "amountFen", 5000)),
                TestEvents.event("b-rebuild", ActivityType.CARE_VISIT, "2026-02-05T09:00:00+08:00",
                        Map.of("persons", 2, "note", "走访")));
        String path = "/api/reports/b-rebuild/2026?asOf=2026-06-30";
        await().atMost(Duration.ofSeconds(30)).until(() -> report(path) != null
                && report(path).path("eventsApplied").asLong() == 4);
        String before = stable(report(path));
        String flowBefore = stable(report("/api/reports/b-crash-1/2026?asOf=2026-06-30"));
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/reports/admin/rebuild").statusCode()).isEqualTo(200);
            assertThat(stable(report(path))).isEqualTo(before);
        }
        if (!flowBefore.equals("null")) {
            assertThat(stable(report("/api/reports/b-crash-1/2026?asOf=2026-06-30"))).isEqualTo(flowBefore);
        }
        assertThat(before).contains("\"PARTY_LECTURE\":{\"count\":1");
        // after a rebuild the live consumer goes on counting new events exactly once
        events.publish(TestEvents.event("b-rebuild", ActivityType.CARE_VISIT, "2026-03-05T09:00:00+08:00",
                Map.of("persons", 1, "note", "走访")));
        await().atMost(Duration.ofSeconds(30)).until(() -> report(path).path("care").path("personTimes").asLong() == 3);
        assertThat(report(path).path("eventsApplied").asLong()).isEqualTo(5);
    }

    private String stable(JsonNode report) {
        if (report == null) {
            return "null";
        }
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("asOf");
        return copy.toString();
    }
}
