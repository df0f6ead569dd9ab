package org.dangjian.review.orgreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.contracts.review.ReviewEventType;
import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.cycle.Dimension;
import org.dangjian.review.problem.ProblemException;
import org.dangjian.review.rectification.RectificationStatus;
import org.junit.jupiter.api.Test;

class OrgReviewTest {

    static final Cycle CYCLE = new Cycle("cyc-1", "c1", 2026, List.of("b1", "b2"), LocalDate.of(2027, 1, 15),
            LocalDate.of(2027, 1, 31), List.of(new Dimension("org", "基层组织建设", 60), new Dimension("life", "组织生活", 40)),
            Instant.parse("2027-01-01T00:00:00Z"), "c1");

    static ReviewEvents at(String beijing) {
        Map<String, String> names = Map.of("c1", "机关党委", "b1", "第一党支部");
        return new ReviewEvents(CYCLE, id -> names.getOrDefault(id, id), OffsetDateTime.parse(beijing).toInstant());
    }

    private final AtomicInteger ids = new AtomicInteger();

    private String nextId() {
        return "rect-" + ids.incrementAndGet();
    }

    static ProblemException refusal(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void theSubmissionDeadlineIsTheEndOfTheDayInBeijing() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        List<ReviewEvent> e = r.submit(CYCLE, "正文", SubmissionSource.TEXT, null, "b1", at("2027-01-15T23:59:00+08:00"));
        assertThat(e).extracting(ReviewEvent::type).containsExactly(ReviewEventType.REPORT_SUBMITTED);
        assertThat(r.submission().orElseThrow().late()).isFalse();
        // 2027-01-16 00:01 in Beijing is still the 15th in UTC, but too late
        ProblemException late = refusal(() -> r.submit(CYCLE, "再改", SubmissionSource.TEXT, null, "b1",
                at("2027-01-16T00:01:00+08:00")));
        assertThat(late.slug()).isEqualTo("deadline-passed");
        assertThat(late.kind()).isEqualTo(ProblemException.Kind.UNPROCESSABLE);
        assertThat(late.getMessage()).contains("第一党支部", "2027-01-15", "机关党委");
        assertThat(r.submission().orElseThrow().text()).isEqualTo("正文");
    }

    @Test
    void aReopenedSubmissionIsAcceptedUntilTheReopeningEndsAndMarkedLate() {
        OrgReview r = OrgReview.start(CYCLE, "b2");
        r.reopen(LocalDate.of(2027, 1, 20), at("2027-01-17T09:00:00+08:00"));
        r.submit(CYCLE, "补交", SubmissionSource.TEXT, null, "b2", at("2027-01-20T22:00:00+08:00"));
        assertThat(r.submission().orElseThrow().late()).isTrue();
        assertThat(refusal(() -> r.submit(CYCLE, "再补", SubmissionSource.TEXT, null, "b2",
                at("2027-01-21T08:00:00+08:00"))).slug()).isEqualTo("deadline-passed");
        assertThat(refusal(() -> r.reopen(LocalDate.of(2027, 1, 19), at("2027-01-21T08:00:00+08:00"))).slug())
                .isEqualTo("deadline-before-today");
    }

    @Test
    void resubmissionBeforeTheDeadlineReplacesIt() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        r.submit(CYCLE, "初稿", SubmissionSource.TEXT, null, "b1", at("2027-01-12T09:00:00+08:00"));
        r.submit(CYCLE, "定稿", SubmissionSource.DRAFT, "{\"n\":1}", "b1", at("2027-01-13T09:00:00+08:00"));
        Submission s = r.submission().orElseThrow();
        assertThat(s.text()).isEqualTo("定稿");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.reportJson()).isEqualTo("{\"n\":1}");
    }

    @Test
    void oneAssessmentPerReviewerAmendableUntilFeedback() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        AssessmentInput good = new AssessmentInput("r1", Rating.GOOD, Map.of("org", 80), "较好", List.of("台账不全"));
        r.assess(CYCLE, "r1", good, true, at("2027-01-20T09:00:00+08:00"));
        assertThat(refusal(() -> r.assess(CYCLE, "r1", good, true, at("2027-01-20T10:00:00+08:00"))).slug())
                .isEqualTo("already-assessed");
        r.assess(CYCLE, "r1", new AssessmentInput(null, Rating.EXCELLENT, Map.of("org", 95), "好", null), false,
                at("2027-01-21T09:00:00+08:00"));
        assertThat(r.assessments()).hasSize(1);
        assertThat(r.assessment("r1").orElseThrow().revision()).isEqualTo(2);
        assertThat(r.assessment("r1").orElseThrow().createdAt()).isEqualTo(Instant.parse("2027-01-20T01:00:00Z"));

        r.issueFeedback(CYCLE, new FeedbackInput(null, "综合评价", List.of()), "c1", this::nextId,
                at("2027-02-01T09:00:00+08:00"));
        ProblemException after = refusal(() -> r.assess(CYCLE, "r1", good, false, at("2027-02-02T09:00:00+08:00")));
        assertThat(after.slug()).isEqualTo("feedback-issued");
        assertThat(after.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
        assertThat(r.assessment("r1").orElseThrow().rating()).isEqualTo(Rating.EXCELLENT);
    }

    @Test
    void repeatingTheSamePutChangesNothing() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        AssessmentInput good = new AssessmentInput(null, Rating.GOOD, Map.of("org", 80), "较好", List.of("台账不全"));
        assertThat(r.assess(CYCLE, "r1", good, false, at("2027-01-20T09:00:00+08:00"))).hasSize(1);
        assertThat(r.assess(CYCLE, "r1", good, false, at("2027-01-20T10:00:00+08:00"))).isEmpty();
        assertThat(r.assessment("r1").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void scoresOnlyForTheCyclesDimensionsWithin0To100() {
        ProblemException e = refusal(() -> OrgReview.validateAssessment(CYCLE, "r1",
                new AssessmentInput(null, null, Map.of("org", -1, "dues", 50), null, null)));
        assertThat(e.errors()).extracting(f -> f.field()).containsExactlyInAnyOrder("rating", "scores.org",
                "scores.dues");
    }

    @Test
    void feedbackGivesEachProblemARectificationAndDueEvents() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        List<ReviewEvent> e = r.issueFeedback(CYCLE, new FeedbackInput(Rating.GOOD, "较好", List.of(
                new FeedbackInput.Problem("三会一课不严格", "建立台账", LocalDate.of(2027, 3, 31), null),
                new FeedbackInput.Problem("党费收缴不及时", "按月收缴", LocalDate.of(2027, 4, 30), null))), "c1",
                this::nextId, at("2027-02-01T09:00:00+08:00"));
        assertThat(e).extracting(ReviewEvent::type).containsExactly(ReviewEventType.FEEDBACK_ISSUED,
                ReviewEventType.RECTIFICATION_DUE, ReviewEventType.RECTIFICATION_DUE);
        assertThat(e.get(1).deadline()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(e.get(1).rectification().rectificationId()).isEqualTo("rect-1");
        assertThat(e.get(1).rectification().status()).isEqualTo("OPEN");
        assertThat(e.get(0).summary()).contains("机关党委", "第一党支部", "较好", "2项");
        assertThat(r.currentFeedback().orElseThrow().problems()).extracting(FeedbackProblem::rectificationId)
                .containsExactly("rect-1", "rect-2");
    }

    @Test
    void aRectificationDeadlineBeforeTheFeedbackDateIsRefusedAndNothingChanges() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        ProblemException e = refusal(() -> r.issueFeedback(CYCLE, new FeedbackInput(Rating.GOOD, "较好", List.of(
                new FeedbackInput.Problem("问题", "措施", LocalDate.of(2027, 1, 31), null))), "c1", this::nextId,
                at("2027-02-01T00:30:00+08:00")));
        assertThat(e.slug()).isEqualTo("rectification-deadline-before-feedback");
        assertThat(e.errors()).extracting(f -> f.field()).containsExactly("problems[0].deadline");
        assertThat(r.feedback()).isEmpty();
        assertThat(r.rectifications()).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionCarryingOrWithdrawingItems() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        r.issueFeedback(CYCLE, new FeedbackInput(Rating.FAIR, "一般", List.of(
                new FeedbackInput.Problem("甲", "甲措施", LocalDate.of(2027, 3, 31), null),
                new FeedbackInput.Problem("乙", "乙措施", LocalDate.of(2027, 3, 31), null))), "c1", this::nextId,
                at("2027-02-01T09:00:00+08:00"));
        r.moveRectification("rect-1", RectificationStatus.IN_PROGRESS, null, null, "b1",
                at("2027-02-02T09:00:00+08:00"));
        List<ReviewEvent> e = r.issueFeedback(CYCLE, new FeedbackInput(Rating.GOOD, "较好（更正）", List.of(
                new FeedbackInput.Problem("甲（更正）", "甲措施", LocalDate.of(2027, 4, 30), "rect-1"),
                new FeedbackInput.Problem("丙", "丙措施", LocalDate.of(2027, 4, 30), null))), "c1", this::nextId,
                at("2027-02-03T09:00:00+08:00"));
        assertThat(e).extracting(ReviewEvent::type).containsExactly(ReviewEventType.FEEDBACK_ISSUED,
                ReviewEventType.RECTIFICATION_UPDATED, ReviewEventType.RECTIFICATION_DUE,
                ReviewEventType.RECTIFICATION_DUE);
        assertThat(r.feedback()).hasSize(2);
        assertThat(r.feedback().get(0).supersededByVersion()).isEqualTo(2);
        assertThat(r.feedback().get(0).comments()).isEqualTo("一般");
        assertThat(r.currentFeedback().orElseThrow().version()).isEqualTo(2);
        assertThat(r.rectification("rect-1").orElseThrow().status()).isEqualTo(RectificationStatus.IN_PROGRESS);
        assertThat(r.rectification("rect-1").orElseThrow().problem()).isEqualTo("甲（更正）");
        assertThat(r.rectification("rect-2").orElseThrow().status()).isEqualTo(RectificationStatus.WITHDRAWN);
        assertThat(r.rectification("rect-3").orElseThrow().feedbackVersion()).isEqualTo(2);
        // a withdrawn item cannot be carried again
        assertThat(refusal(() -> r.issueFeedback(CYCLE, new FeedbackInput(Rating.GOOD, "再更正", List.of(
                new FeedbackInput.Problem("乙", "乙", LocalDate.of(2027, 4, 30), "rect-2"))), "c1", this::nextId,
                at("2027-02-04T09:00:00+08:00"))).slug()).isEqualTo("unknown-rectification");
    }

    @Test
    void overdueIsReportedOncePerItem() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        r.issueFeedback(CYCLE, new FeedbackInput(Rating.FAIR, "一般", List.of(
                new FeedbackInput.Problem("甲", "甲措施", LocalDate.of(2027, 2, 28), null),
                new FeedbackInput.Problem("乙", "乙措施", LocalDate.of(2027, 6, 30), null))), "c1", this::nextId,
                at("2027-02-01T09:00:00+08:00"));
        assertThat(r.markOverdue(LocalDate.of(2027, 2, 28), at("2027-02-28T09:00:00+08:00"))).isEmpty();
        List<ReviewEvent> first = r.markOverdue(LocalDate.of(2027, 3, 1), at("2027-03-01T09:00:00+08:00"));
        assertThat(first).extracting(ReviewEvent::type).containsExactly(ReviewEventType.RECTIFICATION_OVERDUE);
        assertThat(first.get(0).rectification().rectificationId()).isEqualTo("rect-1");
        assertThat(r.hasOverdueToNotify(LocalDate.of(2027, 3, 2))).isFalse();
        assertThat(r.markOverdue(LocalDate.of(2027, 3, 2), at("2027-03-02T09:00:00+08:00"))).isEmpty();
    }

    @Test
    void movingAnUnknownItemIsNotFound() {
        OrgReview r = OrgReview.start(CYCLE, "b1");
        assertThatThrownBy(() -> r.moveRectification("rect-x", RectificationStatus.IN_PROGRESS, null, null, "b1",
                at("2027-02-02T09:00:00+08:00"))).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.NOT_FOUND));
    }
}
