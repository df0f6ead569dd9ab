package org.dangjian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.review.ReviewCycleIT.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.contracts.org.OrgType;
import org.dangjian.review.support.Http;
import org.dangjian.review.support.Http.Resp;
import org.dangjian.review.support.ReviewIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Every refusal is a clear problem+json, names the field or organisation, and writes nothing. */
class ReviewRefusalsIT extends ReviewIntegrationSupport {

    static final String ROOT = "wc-ref";
    static final String C = "c-ref";
    static final String B1 = "b1-ref";
    static final String B2 = "b2-ref";
    static final String OTHER = "c2-ref";
    static final String FOREIGN = "x1-ref";
    /** report-service (the stand-in) has no report for this one. */
    static final String NO_REPORT = "missing-ref";

    private static boolean seeded;

    @BeforeEach
    void tree() {
        if (!seeded) {
            publishOrgs(List.of(
                    org(ROOT, "党工委", OrgType.WORKING_COMMITTEE, null, List.of()),
                    org(C, "机关党委", OrgType.COMMITTEE, ROOT, List.of(ROOT)),
                    org(B1, "第一党支部", OrgType.BRANCH, C, List.of(ROOT, C)),
                    org(B2, "第二党支部", OrgType.BRANCH, C, List.of(ROOT, C)),
                    org(OTHER, "教育党委", OrgType.COMMITTEE, ROOT, List.of(ROOT)),
                    org(FOREIGN, "教育党委第一支部", OrgType.BRANCH, OTHER, List.of(ROOT, OTHER)),
                    org(NO_REPORT, "新建党支部", OrgType.BRANCH, C, List.of(ROOT, C))));
            seeded = true;
        }
        CLOCK.set("2027-01-10T10:00:00+08:00");
    }

    private Map<String, Object> cycleBody(List<String> orgIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("committeeOrgId", C);
        body.put("year", 2026);
        body.put("orgIds", orgIds);
        body.put("submissionDeadline", "2027-01-15");
        body.put("reviewDeadline", "2027-01-31");
        body.put("dimensions", List.of(Map.of("key", "org", "name", "基层组织建设", "weight", 60),
                Map.of("key", "life", "name", "组织生活", "weight", 40)));
        return body;
    }

    private String openCycle() {
        Resp r = http.post("/api/reviews/cycles", cycleBody(List.of(B1, B2)), Http.as(C));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return "/api/reviews/cycles/" + r.text("cycleId");
    }

    private static Map<String, Object> assessment(String rating) {
        return Map.of("rating", rating, "scores", Map.of("org", 80, "life", 70), "comments", "较好");
    }

    @Test
    void reviewingAnOrganisationOutsideTheSubtreeIsRefusedNamingIt() {
        long cyclesBefore = mongo.getCollection("cycles").countDocuments();
        Resp r = http.post("/api/reviews/cycles", cycleBody(List.of(B1, FOREIGN)), Http.as(C));
        assertProblem(r, 422, "org-outside-subtree");
        assertThat(r.text("detail")).contains("教育党委第一支部", FOREIGN, "机关党委");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("orgIds[1]");

        Resp unknown = http.post("/api/reviews/cycles", cycleBody(List.of(B1, "nobody-ref")), Http.as(C));
        assertProblem(unknown, 422, "unknown-org");
        assertThat(unknown.text("detail")).contains("nobody-ref");
        assertThat(mongo.getCollection("cycles").countDocuments()).isEqualTo(cyclesBefore);
    }

    @Test
    void aCallerReachesOnlyItsOwnSubtree() {
        String cycle = openCycle();
        // a committee cannot open a cycle for another committee
        assertProblem(http.post("/api/reviews/cycles", cycleBody(List.of(B1)), Http.as(OTHER)), 403, "forbidden");
        // a cycle addressed by id belongs to its committee
        assertProblem(http.get(cycle, Http.as(OTHER)), 403, "forbidden");
        assertThat(http.get(cycle, Http.as(ROOT)).status()).isEqualTo(200);
        // a branch submits for itself only
        assertProblem(http.put(cycle + "/submissions/" + B2, Map.of("text", "冒名提交"), Http.as(B1)), 403,
                "forbidden");
        assertProblem(http.get("/api/reviews/feedback?orgId=" + B2, Http.as(B1)), 403, "forbidden");
        // an organisation outside the cycle
        assertProblem(http.put(cycle + "/submissions/" + FOREIGN, Map.of("text", "x"), Map.of()), 404, "not-found");
    }

    @Test
    void assessingTwiceWithTheCreateFormIsRefused() {
        String cycle = openCycle();
        Map<String, Object> body = new HashMap<>(assessment("GOOD"));
        body.put("reviewerId", "r1");
        Resp first = http.post(cycle + "/assessments/" + B1, body, Http.as(C));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Resp twice = http.post(cycle + "/assessments/" + B1, body, Http.as(C));
        assertProblem(twice, 409, "already-assessed");
        assertThat(twice.text("detail")).contains("r1");
        // the idempotent PUT amends the same assessment instead
        Resp amended = http.put(cycle + "/assessments/" + B1 + "/r1", assessment("EXCELLENT"), Http.as(C));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.body().get("revision").asInt()).isEqualTo(2);
        assertThat(http.get(cycle + "/assessments/" + B1, Http.as(C)).body().size()).isEqualTo(1);
    }

    @Test
    void amendingAfterFeedbackIsRefused() {
        String cycle = openCycle();
        assertThat(http.put(cycle + "/assessments/" + B1 + "/r1", assessment("GOOD"), Http.as(C)).status())
                .isEqualTo(201);
        Resp fb = http.post(cycle + "/feedback/" + B1, Map.of("comments", "总体较好", "problems", List.of()),
                Http.as(C));
        assertThat(fb.status()).as(fb.toString()).isEqualTo(201);
        Resp amend = http.put(cycle + "/assessments/" + B1 + "/r1", assessment("POOR"), Http.as(C));
        assertProblem(amend, 409, "feedback-issued");
        Resp late = http.put(cycle + "/assessments/" + B1 + "/r2", assessment("POOR"), Http.as(C));
        assertProblem(late, 409, "feedback-issued");
        JsonNode stored = http.get(cycle + "/assessments/" + B1, Http.as(C)).body();
        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.get(0).get("rating").asString()).isEqualTo("GOOD");
        // and a submission cannot change under issued feedback either
        assertProblem(http.put(cycle + "/submissions/" + B1, Map.of("text", "改"), Http.as(B1)), 409,
                "feedback-issued");
    }

    @Test
    void aRatingOutsideTheScaleIsRefusedNamingTheField() {
        String cycle = openCycle();
        Resp r = http.put(cycle + "/assessments/" + B1 + "/r1", Map.of("rating", "OUTSTANDING", "scores", Map.of()),
                Http.as(C));
        assertProblem(r, 400, "validation");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("rating");
        assertThat(r.body().get("errors").get(0).get("reason").asString()).contains("EXCELLENT", "好");

        Resp score = http.put(cycle + "/assessments/" + B1 + "/r1",
                Map.of("rating", "GOOD", "scores", Map.of("org", 101, "speed", 50)), Http.as(C));
        assertProblem(score, 400, "validation");
        assertThat(score.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("scores.org", "scores.speed");

        Resp wrongType = http.put(cycle + "/assessments/" + B1 + "/r1",
                Map.of("rating", "GOOD", "scores", Map.of("org", "很高")), Http.as(C));
        assertProblem(wrongType, 400, "validation");
        assertThat(wrongType.body().get("errors").get(0).get("field").asString()).isEqualTo("scores.org");
        assertThat(http.get(cycle + "/assessments/" + B1, Http.as(C)).body().size()).isZero();
    }

    @Test
    void aRectificationDeadlineBeforeTheFeedbackDateIsRefused() {
        String cycle = openCycle();
        CLOCK.set("2027-02-01T09:00:00+08:00");
        Resp r = http.post(cycle + "/feedback/" + B2, Map.of("rating", "GOOD", "comments", "较好",
                "problems", List.of(
                        Map.of("description", "台账不全", "measure", "补齐", "deadline", "2027-03-01"),
                        Map.of("description", "学习不够", "measure", "加强", "deadline", "2027-01-31"))),
                Http.as(C));
        assertProblem(r, 422, "rectification-deadline-before-feedback");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("problems[1].deadline");
        assertThat(r.text("detail")).contains("2027-02-01");
        assertThat(http.get(cycle + "/feedback/" + B2, Http.as(C)).body().size()).isZero();
        // the feedback day itself is fine
        Resp sameDay = http.post(cycle + "/feedback/" + B2, Map.of("rating", "GOOD", "comments", "较好",
                "problems", List.of(Map.of("description", "台账不全", "measure", "补齐", "deadline", "2027-02-01"))),
                Http.as(C));
        assertThat(sameDay.status()).as(sameDay.toString()).isEqualTo(201);
    }

    @Test
    void feedbackWithoutAnyBasisNeedsAnExplicitRating() {
        String cycle = openCycle();
        Resp r = http.post(cycle + "/feedback/" + B1, Map.of("comments", "未评议"), Http.as(C));
        assertProblem(r, 422, "no-rating-basis");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("rating");
    }

    @Test
    void illegalRectificationMovesAreRefused() {
        String cycle = openCycle();
        Resp fb = http.post(cycle + "/feedback/" + B1, Map.of("rating", "FAIR", "comments", "一般", "problems",
                List.of(Map.of("description", "支委会不规范", "measure", "按月召开", "deadline", "2027-06-30"))),
                Http.as(C));
        String id = fb.body().get("problems").get(0).get("rectificationId").asString();
        String path = "/api/reviews/rectifications/" + id;
        assertProblem(http.patch(path, Map.of("status", "VERIFIED"), Http.as(C)), 422, "illegal-transition");
        assertProblem(http.patch(path, Map.of("status", "OPEN"), Http.as(B1)), 422, "illegal-transition");
        assertThat(http.patch(path, Map.of("status", "IN_PROGRESS"), Http.as(B1)).status()).isEqualTo(200);
        Resp noEvidence = http.patch(path, Map.of("status", "SUBMITTED"), Http.as(B1));
        assertProblem(noEvidence, 400, "validation");
        assertThat(noEvidence.body().get("errors").get(0).get("field").asString()).isEqualTo("evidence");
        Resp unknown = http.patch(path, Map.of("status", "DONE"), Http.as(B1));
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(http.get(path, Http.as(B1)).text("status")).isEqualTo("IN_PROGRESS");
        assertProblem(http.patch("/api/reviews/rectifications/rect-none", Map.of("status", "IN_PROGRESS"),
                Map.of()), 404, "not-found");
        assertProblem(http.get("/api/reviews/rectifications?status=WHATEVER&orgId=" + B1), 400, "validation");
    }

    @Test
    void badInputIsA400NamingTheField() {
        Resp malformed = http.post("/api/reviews/cycles", "{\"committeeOrgId\": \"c-ref\", \"year\": ", Http.as(C));
        assertProblem(malformed, 400, "validation");
        assertThat(malformed.body().get("errors").get(0).get("field").asString()).isNotBlank();

        Resp wrongType = http.post("/api/reviews/cycles", "{\"committeeOrgId\": \"c-ref\", \"year\": \"今年\"}",
                Http.as(C));
        assertProblem(wrongType, 400, "validation");
        assertThat(wrongType.body().get("errors").get(0).get("field").asString()).isEqualTo("year");

        Resp badDate = http.post("/api/reviews/cycles", "{\"submissionDeadline\": \"2027-02-30\"}", Http.as(C));
        assertProblem(badDate, 400, "validation");
        assertThat(badDate.body().get("errors").get(0).get("field").asString()).isEqualTo("submissionDeadline");

        Resp missing = http.post("/api/reviews/cycles", Map.of("year", 2026), Http.as(C));
        assertProblem(missing, 400, "validation");
        assertThat(missing.body().get("errors").findValuesAsString("field")).contains("committeeOrgId", "orgIds",
                "submissionDeadline", "reviewDeadline", "dimensions");

        Map<String, Object> badDims = cycleBody(List.of(B1));
        badDims.put("dimensions", List.of(Map.of("key", "org", "name", "组织"), Map.of("key", "org", "name", "重复",
                "weight", 10)));
        Resp dims = http.post("/api/reviews/cycles", badDims, Http.as(C));
        assertProblem(dims, 400, "validation");
        assertThat(dims.body().get("errors").findValuesAsString("field")).contains("dimensions[0].weight",
                "dimensions[1].key");

        String cycle = openCycle();
        Resp noText = http.put(cycle + "/submissions/" + B1, Map.of(), Http.as(B1));
        assertProblem(noText, 400, "validation");
        assertThat(noText.body().get("errors").get(0).get("field").asString()).isEqualTo("text");

        Resp problemFields = http.post(cycle + "/feedback/" + B1, Map.of("rating", "GOOD", "comments", "x",
                "problems", List.of(Map.of("description", "d"))), Http.as(C));
        assertProblem(problemFields, 400, "validation");
        assertThat(problemFields.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("problems[0].measure", "problems[0].deadline");

        Resp badEnum = http.post(cycle + "/feedback/" + B1, Map.of("rating", "极好", "comments", "x"), Http.as(C));
        assertProblem(badEnum, 400, "validation");
        assertThat(badEnum.body().get("errors").get(0).get("field").asString()).isEqualTo("rating");

        Resp badCheck = http.post("/api/reviews/checks?asOf=2027-13-01", null, Map.of());
        assertProblem(badCheck, 400, "validation");
        assertThat(badCheck.body().get("errors").get(0).get("field").asString()).isEqualTo("asOf");

        assertProblem(http.get("/api/reviews/cycles/cyc-none"), 404, "not-found");
    }

    @Test
    void aDraftReportServiceDoesNotHaveIsRefusedAndNothingIsStored() {
        Resp opened = http.post("/api/reviews/cycles", cycleBody(List.of(B1, NO_REPORT)), Http.as(C));
        String cycle = "/api/reviews/cycles/" + opened.text("cycleId");
        Resp r = http.put(cycle + "/submissions/" + NO_REPORT, Map.of("useDraft", true), Http.as(NO_REPORT));
        assertProblem(r, 422, "draft-unavailable");
        assertThat(r.text("detail")).contains(NO_REPORT, "2026");
        assertProblem(http.get(cycle + "/submissions/" + NO_REPORT, Http.as(NO_REPORT)), 404, "not-found");
        Resp both = http.put(cycle + "/submissions/" + B1, Map.of("useDraft", true, "text", "x"), Http.as(B1));
        assertProblem(both, 400, "validation");
        assertThat(both.body().get("errors").get(0).get("field").asString()).isEqualTo("text");
    }

    @Test
    void hugeBodiesAre413() {
        String big = "{\"text\": \"" + "党".repeat(400_000) + "\"}";
        Resp r = http.put("/api/reviews/cycles/cyc-any/submissions/" + B1, big, Map.of());
        assertProblem(r, 413, "payload-too-large");
    }

    @Test
    void adminChecksNeedTheAdminRole() {
        assertProblem(http.post("/api/reviews/checks?asOf=2027-03-01", null, Http.as(C)), 403, "forbidden");
        Map<String, String> admin = new HashMap<>(Http.as(ROOT));
        admin.put("X-Dangjian-Roles", "ADMIN");
        assertThat(http.post("/api/reviews/checks?asOf=2027-03-01", null, admin).status()).isEqualTo(200);
    }

    @Test
    void openApiDescribesTheEndpoints() {
        Resp docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames()).contains("/api/reviews/cycles",
                "/api/reviews/rectifications/{rectificationId}", "/api/reviews/cycles/{cycleId}/feedback/{orgId}");
        JsonNode params = docs.body().get("paths").get("/api/reviews/cycles/{cycleId}").get("get").get("parameters");
        assertThat(params.findValuesAsString("name")).contains("cycleId", "X-Dangjian-Org").doesNotContain("caller");
    }
}
