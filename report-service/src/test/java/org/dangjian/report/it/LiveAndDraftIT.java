package org.dangjian.report.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.org.OrgType;
import org.junit.jupiter.api.Test;

class LiveAndDraftIT extends ServiceITBase {

    @Test
    void streamPushesTheReportAfterEachChangeToTheOrgOrItsSubtree() throws Exception {
        events.publishOrg("c-live", "直属机关党委", OrgType.COMMITTEE, null, List.of(), 1);
        events.publishOrg("b-live", "第一党支部", OrgType.BRANCH, "c-live", List.of("c-live"), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/reports/b-live/2026").statusCode() == 200);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + "/api/reports/c-live/2026/stream?scope=subtree"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> resp = http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(resp.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                resp.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            // the initial report arrives on connect
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")));
            events.publish(TestEvents.event("b-live", ActivityType.MEETING_HELD, "2026-04-04T09:00:00+08:00",
                    TestEvents.meeting("THEME_PARTY_DAY", 10, 12)));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains("\"THEME_PARTY_DAY\":{\"count\":1")));
            assertThat(lines).anyMatch(l -> l.equals("event:report"));
        } finally {
            resp.body().close();
        }
    }

    @Test
    void draftInMarkdownAndDocxCarriesTheProjectionNumbers() throws Exception {
        events.publishOrg("b-draft", "机关联合党支部", OrgType.BRANCH, null, List.of(), 1);
        for (int m = 1; m <= 3; m++) {
            events.publish(TestEvents.event("b-draft", ActivityType.MEETING_HELD, "2026-0" + m + "-04T09:00:00+08:00",
                    TestEvents.meeting("BRANCH_COMMITTEE", 5, 5)));
        }
        events.publish(TestEvents.event("b-draft", ActivityType.DUES_PAID, "2026-01-05T09:00:00+08:00",
                java.util.Map.of("memberId", "m1", "period", "2026-01", "amountFen", 669_4500)));
        await().atMost(Duration.ofSeconds(30)).until(() -> report("/api/reports/b-draft/2026") != null
                && report("/api/reports/b-draft/2026").path("eventsApplied").asLong() == 4);
        HttpResponse<String> md = get("/api/reports/b-draft/2026/draft?format=markdown&asOf=2026-05-11");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# 机关联合党支部2026年度党支部书记抓党建工作述职报告")
                .contains("支部委员会3次").contains("收缴党费66945.00元").contains("## 三、下一步工作打算")
                .contains("2026年4月未召开支部委员会").doesNotContain("null");
        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/reports/b-draft/2026/draft?format=docx&asOf=2026-05-11")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (InputStream in = new ByteArrayInputStream(docx.body()); XWPFDocument doc = new XWPFDocument(in);
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("支部委员会3次").contains("收缴党费66945.00元");
        }
        assertThat(get("/api/reports/b-draft/2026/draft?format=pdf").statusCode()).isEqualTo(400);
        // a committee's draft totals its subtree and lists its branches' gaps
        events.publishOrg("c-draft", "机关党委", OrgType.COMMITTEE, null, List.of(), 1);
        events.publishOrg("b-draft2", "第二党支部", OrgType.BRANCH, "c-draft", List.of("c-draft"), 1);
        events.publish(TestEvents.event("b-draft2", ActivityType.MEETING_HELD, "2026-02-04T09:00:00+08:00",
                TestEvents.meeting("BRANCH_COMMITTEE", 5, 5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/reports/c-draft/2026/draft?asOf=2026-05-11")
                .body().contains("支部委员会1次"));
        assertThat(get("/api/reports/c-draft/2026/draft?asOf=2026-05-11").body())
                .startsWith("# 机关党委2026年度党组织书记抓基层党建工作述职报告")
                .contains("机关党委下设1个党组织")
                .contains("共有1个党支部存在应开未开的组织生活：第二党支部（3个月未召开支部委员会");
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
    }
}
