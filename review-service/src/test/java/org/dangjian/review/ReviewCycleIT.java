package org.dangjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dangjian.contracts.org.OrgType;
import org.dangjian.review.support.Http;
import org.dangjian.review.support.Http.Resp;
import org.dangjian.review.support.ReviewIntegrationSupport;
import org.junit.jupiter.api.Test;

import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * A whole 述职评议考核 for a committee with three branches: open, submit (one on the last evening, one late and
 * refused, then reopened), two reviewers assess, feedback is issued (and corrected once), items are rectified and
 * verified, one goes overdue; then the events are read back from Kafka in order.
 */
class ReviewCycleIT extends ReviewIntegrationSupport {

    static final String ROOT = "wc-flow";
    static final String C = "c-flow";
    static final String B1 = "b1-flow";
    static final String B2 = "b2-flow";
    static final String B3 = "b3-flow";

    @Test
    void fullCycle() {
        publishOrgs(List.of(
                org(ROOT, "县委组织部党工委", OrgType.WORKING_COMMITTEE, null, List.of()),
                org(C, "机关党委", OrgType.COMMITTEE, ROOT, List.of(ROOT)),
                org(B1, "第一党支部", OrgType.BRANCH, C, List.of(ROOT, C)),
                org(B2, "第二党支部", OrgType.BRANCH, C, List.of(ROOT, C)),
                org(B3, "第三党支部", OrgType.BRANCH, C, List.of(ROOT, C))));

        // ---- open -------------------------------------------------------------------------------------------
        CLOCK.set("2027-01-10T10:00:00+08:00");
        Resp opened = http.post("/api/reviews/cycles", Map.of("committeeOrgId", C, "year", 2026,
                "orgIds", List.of(B1, B2, B3), "submissionDeadline", "2027-01-15", "reviewDeadline", "2027-01-31",
                "dimensions", List.of(Map.of("key", "org", "name", "基层组织建设", "weight", 40),
                        Map.of("key", "life", "name", "组织生活", "weight", 30),
                        Map.of("key", "dues", "name", "党费收缴", "weight", 30))), Http.as(C));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String cycleId = opened.text("cycleId");
        assertThat(cycleId).startsWith("cyc-");
        String cycle = "/api/reviews/cycles/" + cycleId;

        // ---- submit -----------------------------------------------------------------------------------------
        CLOCK.set("2027-01-12T09:00:00+08:00");
        Resp s1 = http.put(cycle + "/submissions/" + B1, Map.of("text", "2026年度第一党支部书记抓党建述职报告……"),
                Http.as(B1));
        assertThat(s1.status()).as(s1.toString()).isEqualTo(200);
        assertThat(s1.body().get("late").asBoolean()).isFalse();

        // 23:30 on the deadline day in Beijing (15:30 UTC): still on time; the draft and its numbers are frozen
        CLOCK.set("2027-01-15T23:30:00+08:00");
        int before = REPORT_REQUESTS.size();
        Resp s2 = http.put(cycle + "/submissions/" + B2, Map.of("useDraft", true), Http.as(B2));
        assertThat(s2.status()).as(s2.toString()).isEqualTo(200);
        assertThat(s2.text("source")).isEqualTo("DRAFT");
        assertThat(s2.text("text")).contains("支部党员大会4次");
        assertThat(s2.body().get("report").get("counts").get("BRANCH_COMMITTEE").asInt()).isEqualTo(12);
        List<String> fetched = REPORT_REQUESTS.subList(before, REPORT_REQUESTS.size()).stream()
                .map(RecordedRequest::getTarget).toList();
        assertThat(fetched).containsExactlyInAnyOrder("/api/reports/" + B2 + "/2026/draft?format=markdown",
                "/api/reports/" + B2 + "/2026");
        assertThat(REPORT_REQUESTS.get(before).getHeaders().get("X-Dangjian-Org")).isEqualTo(B2);

        // 00:30 the next day in Beijing (still the 15th in UTC): too late
        CLOCK.set("2027-01-16T00:30:00+08:00");
        Resp late = http.put(cycle + "/submissions/" + B3, Map.of("text", "第三党支部述职报告"), Http.as(B3));
        assertProblem(late, 422, "deadline-passed");
        assertThat(late.text("detail")).contains("第三党支部", "2027-01-15", "机关党委");
        // a replacement by b1 after the deadline is refused too
        assertProblem(http.put(cycle + "/submissions/" + B1, Map.of("text", "改一下"), Http.as(B1)), 422,
                "deadline-passed");

        // the committee reopens b3 until the 20th
        Resp reopened = http.post(cycle + "/submissions/" + B3 + "/reopen", Map.of("until", "2027-01-20"),
                Http.as(C));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        CLOCK.set("2027-01-18T15:00:00+08:00");
        Resp s3 = http.put(cycle + "/submissions/" + B3, Map.of("text", "第三党支部述职报告（补交）"), Http.as(B3));
        assertThat(s3.status()).as(s3.toString()).isEqualTo(200);
        assertThat(s3.body().get("late").asBoolean()).isTrue();

        // ---- assess: two reviewers, one amends --------------------------------------------------------------
        CLOCK.set("2027-01-25T10:00:00+08:00");
        assess(cycle, B1, "r1", "GOOD", Map.of("org", 85, "life", 80, "dues", 90), 201);
        assess(cycle, B1, "r2", "EXCELLENT", Map.of("org", 95, "life", 92, "dues", 96), 201);
        Resp amended = assess(cycle, B1, "r1", "GOOD", Map.of("org", 88, "life", 80, "dues", 90), 200);
        assertThat(amended.body().get("revision").asInt()).isEqualTo(2);
        assess(cycle, B2, "r1", "FAIR", Map.of("org", 70, "life", 60), 201);
        assess(cycle, B2, "r2", "GOOD", Map.of("org", 78, "life", 72, "dues", 70), 201);
        assess(cycle, B3, "r1", "FAIR", Map.of(), 201);
        assess(cycle, B3, "r2", "POOR", Map.of(), 201);

        Resp progress = http.get(cycle, Http.as(C));
        assertThat(progress.status()).isEqualTo(200);
        JsonNode totals = progress.body().get("totals");
        assertThat(totals.get("submitted").asInt()).isEqualTo(3);
        assertThat(totals.get("submittedLate").asInt()).isEqualTo(1);
        assertThat(totals.get("assessed").asInt()).isEqualTo(3);
        JsonNode p1 = progress.body().get("progress").get(0);
        assertThat(p1.get("orgId").asString()).isEqualTo(B1);
        assertThat(p1.get("name").asString()).isEqualTo("第一党支部");
        assertThat(p1.get("assessedBy").toString()).contains("r1", "r2");
        assertThat(p1.get("reviewerRatings").get("EXCELLENT").asInt()).isEqualTo(1);
        assertThat(progress.body().get("progress").get(2).get("late").asBoolean()).isTrue();

        // ---- feedback ---------------------------------------------------------------------------------------
        CLOCK.set("2027-02-01T10:00:00+08:00");
        Resp f1 = http.post(cycle + "/feedback/" + B1, Map.of("comments", "履职尽责，成效明显",
                "problems", List.of(
                        Map.of("description", "三会一课制度执行不严格", "measure", "建立台账，按月督办", "deadline", "2027-03-31"),
                        Map.of("description", "党费收缴不及时", "measure", "每月10日前收缴", "deadline", "2027-04-30"))),
                Http.as(C));
        assertThat(f1.status()).as(f1.toString()).isEqualTo(201);
        // means: org 91.5, life 86, dues 93 → (91.5*40 + 86*30 + 93*30) / 100 = 90.30 → EXCELLENT
        assertThat(f1.text("rating")).isEqualTo("EXCELLENT");
        assertThat(f1.text("ratingBasis")).isEqualTo("WEIGHTED_SCORE");
        assertThat(f1.body().get("weightedScore").decimalValue()).isEqualByComparingTo("90.30");
        String item1 = f1.body().get("problems").get(0).get("rectificationId").asString();
        String item2 = f1.body().get("problems").get(1).get("rectificationId").asString();
        assertThat(item1).isNotEqualTo(item2).startsWith("rect-");

        Resp f2 = http.post(cycle + "/feedback/" + B2, Map.of("rating", "FAIR", "comments", "基础工作薄弱",
                "problems", List.of(Map.of("description", "组织生活不规范", "measure", "对照清单整改",
                        "deadline", "2027-06-30"))), Http.as(C));
        assertThat(f2.status()).as(f2.toString()).isEqualTo(201);
        assertThat(f2.text("ratingBasis")).isEqualTo("COMMITTEE");
        String b2item = f2.body().get("problems").get(0).get("rectificationId").asString();
        // a correction: version 2 carries the first item over and adds one; version 1 stays readable
        Resp f2v2 = http.post(cycle + "/feedback/" + B2, Map.of("rating", "FAIR", "comments", "基础工作薄弱（更正）",
                "problems", List.of(Map.of("description", "组织生活不规范", "measure", "对照清单整改", "deadline",
                        "2027-05-31", "rectificationId", b2item),
                        Map.of("description", "发展党员程序不规范", "measure", "逐项核查", "deadline", "2027-05-31"))),
                Http.as(C));
        assertThat(f2v2.status()).as(f2v2.toString()).isEqualTo(201);
        assertThat(f2v2.body().get("version").asInt()).isEqualTo(2);
        Resp versions = http.get(cycle + "/feedback/" + B2, Http.as(B2));
        assertThat(versions.body().size()).isEqualTo(2);
        assertThat(versions.body().get(1).get("version").asInt()).isEqualTo(1);
        assertThat(versions.body().get(1).get("supersededByVersion").asInt()).isEqualTo(2);
        assertThat(versions.body().get(1).get("comments").asString()).isEqualTo("基础工作薄弱");

        Resp f3 = http.post(cycle + "/feedback/" + B3, Map.of("comments", "补交述职，工作有差距",
                "problems", List.of(Map.of("description", "支委会未按月召开", "measure", "每月召开支委会",
                        "deadline", "2027-02-28"))), Http.as(C));
        assertThat(f3.status()).as(f3.toString()).isEqualTo(201);
        // no scores: mean of FAIR(2) and POOR(1) = 1.5, ties go to the lower grade
        assertThat(f3.text("rating")).isEqualTo("POOR");
        assertThat(f3.text("ratingBasis")).isEqualTo("REVIEWER_RATINGS");

        // ---- rectify and verify -----------------------------------------------------------------------------
        CLOCK.set("2027-02-10T10:00:00+08:00");
        move(item1, "IN_PROGRESS", null, B1, 200);
        move(item1, "SUBMITTED", "支部三会一课台账（2027年1-2月）", B1, 200);
        // the branch cannot verify its own item
        assertProblem(patch(item1, "VERIFIED", null, B1), 403, "forbidden");
        move(item1, "VERIFIED", null, C, 200);
        move(item2, "IN_PROGRESS", null, B1, 200);
        move(item2, "SUBMITTED", "党费收缴明细", B1, 200);
        Resp rejected = http.patch("/api/reviews/rectifications/" + item2,
                Map.of("status", "REJECTED", "comment", "缺少2月收缴凭证"), Http.as(C));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        move(item2, "SUBMITTED", "党费收缴明细及2月凭证", B1, 200);
        Resp verified = move(item2, "VERIFIED", null, C, 200);
        assertThat(verified.body().get("history").size()).isEqualTo(5);

        Resp done = http.get("/api/reviews/rectifications?orgId=" + B1 + "&status=VERIFIED", Http.as(B1));
        assertThat(done.body().size()).isEqualTo(2);
        Resp open = http.get("/api/reviews/rectifications?orgId=" + B3 + "&status=OPEN,IN_PROGRESS,REJECTED",
                Http.as(B3));
        assertThat(open.body().size()).isEqualTo(1);
        assertThat(open.body().get(0).get("statusLabel").asString()).isEqualTo("待整改");
        Resp own = http.get("/api/reviews/feedback?orgId=" + B1, Http.as(B1));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get(0).get("ratingLabel").asString()).isEqualTo("好");

        // ---- overdue ----------------------------------------------------------------------------------------
        CLOCK.set("2027-03-05T09:00:00+08:00");
        Resp overdue = http.get("/api/reviews/rectifications/overdue?committeeOrgId=" + C, Http.as(C));
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body().size()).isEqualTo(1);
        assertThat(overdue.body().get(0).get("orgId").asString()).isEqualTo(B3);
        Resp check = http.post("/api/reviews/checks?asOf=2027-03-05", null, Map.of());
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.body().get("rectificationIds").toString()).contains(
                overdue.body().get(0).get("rectificationId").asString());
        Resp again = http.post("/api/reviews/checks?asOf=2027-03-06", null, Map.of());
        assertThat(again.body().get("rectificationIds").toString())
                .doesNotContain(overdue.body().get(0).get("rectificationId").asString());

        // ---- the events, in order, from Kafka ---------------------------------------------------------------
        List<String> b1Types = List.of("CYCLE_OPENED", "REPORT_SUBMITTED", "ASSESSMENT_RECORDED",
                "ASSESSMENT_RECORDED", "ASSESSMENT_RECORDED", "FEEDBACK_ISSUED", "RECTIFICATION_DUE",
                "RECTIFICATION_DUE", "RECTIFICATION_UPDATED", "RECTIFICATION_UPDATED", "RECTIFICATION_VERIFIED",
                "RECTIFICATION_UPDATED", "RECTIFICATION_UPDATED", "RECTIFICATION_REJECTED", "RECTIFICATION_UPDATED",
                "RECTIFICATION_VERIFIED");
        List<Published> b1 = readReviews(B1, got -> got.size() >= b1Types.size());
        assertThat(b1).extracting(Published::type).containsExactlyElementsOf(b1Types);
        Published first = b1.get(0);
        assertThat(first.headers()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dangjian.review.cycle-opened.v1")
                .containsEntry("ce_source", "/review-service").containsEntry("ce_subject", B1)
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_id", first.value().get("eventId").asString());
        assertThat(first.value().get("summary").asString()).contains("机关党委", "第一党支部", "2027-01-15");
        assertThat(first.value().get("deadline").asString()).isEqualTo("2027-01-15");
        Published due = b1.get(6);
        assertThat(due.value().get("deadline").asString()).isEqualTo("2027-03-31");
        assertThat(due.value().get("rectification").get("rectificationId").asString()).isEqualTo(item1);
        assertThat(due.value().get("rectification").get("status").asString()).isEqualTo("OPEN");
        assertThat(due.value().get("committeeOrgId").asString()).isEqualTo(C);
        assertThat(b1.get(15).value().get("rectification").get("status").asString()).isEqualTo("VERIFIED");

        List<String> b3Types = List.of("CYCLE_OPENED", "SUBMISSION_REOPENED", "REPORT_SUBMITTED",
                "ASSESSMENT_RECORDED", "ASSESSMENT_RECORDED", "FEEDBACK_ISSUED", "RECTIFICATION_DUE",
                "RECTIFICATION_OVERDUE");
        List<Published> b3 = readReviews(B3, got -> got.size() >= b3Types.size());
        assertThat(b3).extracting(Published::type).containsExactlyElementsOf(b3Types);
        assertThat(b3.get(7).value().get("summary").asString()).contains("超过整改期限");

        List<Published> b2 = readReviews(B2, got -> got.size() >= 9);
        assertThat(b2).extracting(Published::type).endsWith("FEEDBACK_ISSUED", "RECTIFICATION_DUE",
                "FEEDBACK_ISSUED", "RECTIFICATION_DUE", "RECTIFICATION_DUE");

        // nothing left in the outbox
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outboxLeft()).isZero());
    }

    private Resp assess(String cycle, String org, String reviewer, String rating, Map<String, Integer> scores,
            int status) {
        Resp r = http.put(cycle + "/assessments/" + org + "/" + reviewer, Map.of("rating", rating, "scores", scores,
                "comments", "评议意见", "problems", List.of("台账不全")), Http.as(C));
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private Resp patch(String id, String status, String evidence, String as) {
        return http.patch("/api/reviews/rectifications/" + id,
                evidence == null ? Map.of("status", status) : Map.of("status", status, "evidence", evidence),
                Http.as(as));
    }

    private Resp move(String id, String status, String evidence, String as, int expected) {
        Resp r = patch(id, status, evidence, as);
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        assertThat(r.text("status")).isEqualTo(status);
        return r;
    }

    static void assertProblem(Resp r, int status, String slug) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).isEqualTo("urn:dangjian:problem:" + slug);
        assertThat(r.text("title")).isNotBlank();
        assertThat(r.text("detail")).isNotBlank();
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
    }
}
