package org.dangjian.review.orgreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.review.cycle.ChinaCalendar;
import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.cycle.Dimension;
import org.dangjian.review.problem.FieldProblem;
import org.dangjian.review.problem.ProblemException;
import org.dangjian.review.rectification.Rectification;
import org.dangjian.review.rectification.RectificationLifecycle;
import org.dangjian.review.rectification.RectificationStatus;

/**
 * Everything about one organisation in one review cycle: its submission, the reviewers' assessments, the issued
 * feedback versions and the rectification items. One aggregate, stored as one document, so each change is atomic
 * without transactions. Every operation returns the events it caused, in order.
 */
public final class OrgReview {

    static final int MAX_TEXT = 200_000;

    private final String cycleId;
    private final String orgId;
    private final String committeeOrgId;
    private final int year;
    private Submission submission;
    private LocalDate reopenedUntil;
    private final List<Assessment> assessments;
    private final List<Feedback> feedback;
    private final List<Rectification> rectifications;

    public OrgReview(String cycleId, String orgId, String committeeOrgId, int year, Submission submission,
            LocalDate reopenedUntil, List<Assessment> assessments, List<Feedback> feedback,
            List<Rectification> rectifications) {
        this.cycleId = cycleId;
        this.orgId = orgId;
        this.committeeOrgId = committeeOrgId;
        this.year = year;
        this.submission = submission;
        this.reopenedUntil = reopenedUntil;
        this.assessments = assessments == null ? new ArrayList<>() : new ArrayList<>(assessments);
        this.feedback = feedback == null ? new ArrayList<>() : new ArrayList<>(feedback);
        this.rectifications = rectifications == null ? new ArrayList<>() : new ArrayList<>(rectifications);
    }

    public static OrgReview start(Cycle cycle, String orgId) {
        return new OrgReview(cycle.cycleId(), orgId, cycle.committeeOrgId(), cycle.year(), null, null, null, null,
                null);
    }

    // ---- submissions ------------------------------------------------------------------------------------------

    /** Whether a (re)submission is accepted at {@code now}: before the deadline, or within a reopening. */
    public boolean acceptsSubmission(Cycle cycle, Instant now) {
        return !ChinaCalendar.isPast(cycle.submissionDeadline(), now)
                || (reopenedUntil != null && !ChinaCalendar.isPast(reopenedUntil, now));
    }

    /** Refuses early, before anything is fetched from report-service. */
    public void checkSubmissionAccepted(Cycle cycle, ReviewEvents names) {
        Instant now = names.now();
        refuseAfterFeedback("述职报告");
        if (!acceptsSubmission(cycle, now)) {
            String until = reopenedUntil != null ? "（重新开放的期限" + reopenedUntil + "也已过）" : "";
            throw ProblemException.unprocessable("deadline-passed", "Deadline passed",
                    names.name(orgId) + "的" + cycle.year() + "年度述职报告提交截止日期为" + cycle.submissionDeadline()
                            + "（北京时间当日24时）" + until + "，已不能提交；如需补交，须由" + names.name(committeeOrgId)
                            + "重新开放提交");
        }
    }

    public List<ReviewEvent> submit(Cycle cycle, String text, SubmissionSource source, String reportJson,
            String by, ReviewEvents events) {
        Instant now = events.now();
        checkSubmissionAccepted(cycle, events);
        int version = submission == null ? 1 : submission.version() + 1;
        boolean late = ChinaCalendar.isPast(cycle.submissionDeadline(), now);
        submission = new Submission(text, source, reportJson, now, by, late, version);
        return List.of(events.reportSubmitted(orgId, submission));
    }

    public static void validateText(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.validation("text", "必填：请提供述职报告正文，或使用 useDraft: true 采用系统草稿");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.validation("text", "述职报告正文不能超过" + MAX_TEXT + "字");
        }
    }

    public List<ReviewEvent> reopen(LocalDate until, ReviewEvents events) {
        refuseAfterFeedback("述职报告提交");
        if (until == null) {
            throw ProblemException.validation("until", "必填");
        }
        LocalDate today = ChinaCalendar.today(events.now());
        if (until.isBefore(today)) {
            throw ProblemException.unprocessable("deadline-before-today", "Deadline in the past",
                    "重新开放的截止日期" + until + "早于今天（" + today + "）",
                    List.of(new FieldProblem("until", "不能早于今天 " + today)));
        }
        reopenedUntil = until;
        return List.of(events.submissionReopened(orgId, until));
    }

    // ---- assessments ------------------------------------------------------------------------------------------

    public Optional<Assessment> assessment(String reviewerId) {
        return assessments.stream().filter(a -> a.reviewerId().equals(reviewerId)).findFirst();
    }

    /**
     * Records a reviewer's assessment. {@code createOnly} (the POST form) refuses a second assessment by the same
     * reviewer; the PUT form creates or amends. Nobody amends once feedback is issued.
     */
    public List<ReviewEvent> assess(Cycle cycle, String reviewerId, AssessmentInput in, boolean createOnly,
            ReviewEvents events) {
        validateAssessment(cycle, reviewerId, in);
        if (!feedback.isEmpty()) {
            throw ProblemException.conflict("feedback-issued", "Feedback already issued",
                    "党委已于" + feedback.get(0).issuedAt() + "下发评议反馈，评议人" + reviewerId
                            + "的评议意见不能再新增或修改；如需更正，请由党委发布新版反馈");
        }
        Optional<Assessment> existing = assessment(reviewerId);
        if (createOnly && existing.isPresent()) {
            throw ProblemException.conflict("already-assessed", "Already assessed",
                    "评议人" + reviewerId + "已对该组织作出评议（每名评议人每个评议周期只评议一次），如需修改请使用 PUT 修改原评议");
        }
        if (existing.isPresent() && existing.get().sameContent(in)) {
            return List.of(); // the same PUT again: nothing changes, nothing is published
        }
        Instant now = events.now();
        Assessment a = new Assessment(reviewerId, in.rating(), in.scores(), in.comments(), in.problems(),
                existing.map(Assessment::createdAt).orElse(now), now,
                existing.map(e -> e.revision() + 1).orElse(1));
        existing.ifPresent(assessments::remove);
        assessments.add(a);
        return List.of(events.assessmentRecorded(orgId, reviewerId, existing.isPresent()));
    }

    public static void validateAssessment(Cycle cycle, String reviewerId, AssessmentInput in) {
        List<FieldProblem> errors = new ArrayList<>();
        if (reviewerId == null || reviewerId.isBlank()) {
            errors.add(new FieldProblem("reviewerId", "必填"));
        }
        if (in.rating() == null) {
            errors.add(new FieldProblem("rating", "必填：EXCELLENT（好）、GOOD（较好）、FAIR（一般）或 POOR（差）"));
        }
        if (in.scores() != null) {
            for (Map.Entry<String, Integer> e : in.scores().entrySet()) {
                String field = "scores." + e.getKey();
                if (cycle.dimension(e.getKey()).isEmpty()) {
                    errors.add(new FieldProblem(field, "不是本次评议的评分维度（可用："
                            + String.join("、", cycle.dimensions().stream().map(Dimension::key).toList()) + "）"));
                } else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
                    errors.add(new FieldProblem(field, "分数须为0至100的整数"));
                }
            }
        }
        if (in.comments() != null && in.comments().length() > 20_000) {
            errors.add(new FieldProblem("comments", "不能超过20000字"));
        }
        if (in.problems() != null) {
            for (int i = 0; i < in.problems().size(); i++) {
                String p = in.problems().get(i);
                if (p == null || p.isBlank()) {
                    errors.add(new FieldProblem("problems[" + i + "]", "不能为空"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    // ---- feedback ---------------------------------------------------------------------------------------------

    public Optional<Feedback> currentFeedback() {
        return feedback.stream().filter(Feedback::isCurrent).findFirst();
    }

    /**
     * Issues consolidated feedback (version 1) or a correction (version n+1, superseding the current one, which
     * stays readable). Items of the superseded version that the new one does not carry over are withdrawn.
     */
    public List<ReviewEvent> issueFeedback(Cycle cycle, FeedbackInput in, String by, Supplier<String> newIds,
            ReviewEvents events) {
        Instant now = events.now();
        LocalDate today = ChinaCalendar.today(now);
        List<FeedbackInput.Problem> problems = in.problems() == null ? List.of() : in.problems();
        validateFeedback(in, problems);

        List<FieldProblem> late = new ArrayList<>();
        List<FieldProblem> badCarry = new ArrayList<>();
        Set<String> carried = new HashSet<>();
        for (int i = 0; i < problems.size(); i++) {
            FeedbackInput.Problem p = problems.get(i);
            if (p.deadline().isBefore(today)) {
                late.add(new FieldProblem("problems[" + i + "].deadline",
                        "整改期限" + p.deadline() + "早于反馈日期" + today));
            }
            if (p.rectificationId() != null) {
                Optional<Rectification> r = rectification(p.rectificationId());
                if (r.isEmpty() || !r.get().status().isLive() || !carried.add(p.rectificationId())) {
                    badCarry.add(new FieldProblem("problems[" + i + "].rectificationId",
                            "不是本组织本周期内可沿用的整改事项：" + p.rectificationId()));
                }
            }
        }
        if (!late.isEmpty()) {
            throw ProblemException.unprocessable("rectification-deadline-before-feedback",
                    "Rectification deadline before the feedback date",
                    "整改期限不能早于反馈日期（" + today + "，北京时间）：" + String.join("；",
                            late.stream().map(f -> f.field() + " " + f.reason()).toList()),
                    late);
        }
        if (!badCarry.isEmpty()) {
            throw ProblemException.unprocessable("unknown-rectification", "Unknown rectification",
                    "沿用的整改事项不存在、已销号或重复引用", badCarry);
        }
        RatingOutcome outcome = RatingRule.decide(in.rating(), assessments, cycle.dimensions())
                .orElseThrow(() -> ProblemException.unprocessable("no-rating-basis", "No basis for a rating",
                        "尚无评议人的评议意见，须由党委在 rating 中给出评定等次",
                        List.of(new FieldProblem("rating", "尚无评议意见时必填"))));

        int version = feedback.size() + 1;
        List<ReviewEvent> out = new ArrayList<>();
        List<Rectification> items = new ArrayList<>();
        List<FeedbackProblem> listed = new ArrayList<>();
        for (FeedbackInput.Problem p : problems) {
            Rectification item = p.rectificationId() != null
                    ? rectification(p.rectificationId()).orElseThrow()
                            .carriedInto(version, p.description(), p.measure(), p.deadline(), now)
                    : Rectification.open(newIds.get(), p.description(), p.measure(), p.deadline(), version, now);
            items.add(item);
            listed.add(new FeedbackProblem(item.rectificationId(), p.description(), p.measure(), p.deadline()));
        }
        for (int i = 0; i < feedback.size(); i++) {
            if (feedback.get(i).isCurrent()) {
                feedback.set(i, feedback.get(i).supersededBy(version));
            }
        }
        Feedback issued = new Feedback(version, outcome.rating(), outcome.basis(), outcome.weightedScore(),
                outcome.reviewerRatings(), in.comments(), listed, now, by, null);
        feedback.add(issued);
        out.add(events.feedbackIssued(orgId, issued));

        List<Rectification> next = new ArrayList<>();
        for (Rectification r : rectifications) {
            if (carried.contains(r.rectificationId())) {
                continue;
            }
            if (r.status().isLive()) {
                Rectification withdrawn = r.moved(RectificationStatus.WITHDRAWN, now, by, null,
                        "第" + version + "版反馈未再列入");
                next.add(withdrawn);
                out.add(events.rectificationUpdated(orgId, withdrawn));
            } else {
                next.add(r);
            }
        }
        for (Rectification item : items) {
            next.add(item);
            out.add(events.rectificationDue(orgId, item));
        }
        rectifications.clear();
        rectifications.addAll(next);
        return out;
    }

    private static void validateFeedback(FeedbackInput in, List<FeedbackInput.Problem> problems) {
        List<FieldProblem> errors = new ArrayList<>();
        if (in.comments() == null || in.comments().isBlank()) {
            errors.add(new FieldProblem("comments", "必填：党委的综合评价意见"));
        } else if (in.comments().length() > 20_000) {
            errors.add(new FieldProblem("comments", "不能超过20000字"));
        }
        if (problems.size() > 200) {
            errors.add(new FieldProblem("problems", "问题清单最多200项"));
        }
        for (int i = 0; i < problems.size(); i++) {
            FeedbackInput.Problem p = problems.get(i);
            String at = "problems[" + i + "]";
            if (p == null) {
                errors.add(new FieldProblem(at, "不能为空"));
                continue;
            }
            if (p.description() == null || p.description().isBlank()) {
                errors.add(new FieldProblem(at + ".description", "必填：问题描述"));
            }
            if (p.measure() == null || p.measure().isBlank()) {
                errors.add(new FieldProblem(at + ".measure", "必填：整改措施"));
            }
            if (p.deadline() == null) {
                errors.add(new FieldProblem(at + ".deadline", "必填：整改期限（YYYY-MM-DD）"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private void refuseAfterFeedback(String what) {
        if (!feedback.isEmpty()) {
            throw ProblemException.conflict("feedback-issued", "Feedback already issued",
                    "党委已下发评议反馈，" + what + "不能再变更");
        }
    }

    // ---- rectifications ---------------------------------------------------------------------------------------

    public Optional<Rectification> rectification(String rectificationId) {
        return rectifications.stream().filter(r -> r.rectificationId().equals(rectificationId)).findFirst();
    }

    public List<ReviewEvent> moveRectification(String rectificationId, RectificationStatus to, String evidence,
            String comment, String by, ReviewEvents events) {
        if (to == null) {
            throw ProblemException.validation("status", "必填：IN_PROGRESS、SUBMITTED、VERIFIED 或 REJECTED");
        }
        Rectification current = rectification(rectificationId)
                .orElseThrow(() -> ProblemException.notFound("整改事项不存在：" + rectificationId));
        RectificationLifecycle.check(current.status(), to, evidence);
        Rectification moved = current.moved(to, events.now(), by, evidence, comment);
        rectifications.set(rectifications.indexOf(current), moved);
        ReviewEvent e = switch (to) {
            case VERIFIED -> events.rectificationVerified(orgId, moved);
            case REJECTED -> events.rectificationRejected(orgId, moved, comment);
            default -> events.rectificationUpdated(orgId, moved);
        };
        return List.of(e);
    }

    /** Publishes RECTIFICATION_OVERDUE once per item whose deadline has passed on {@code asOf}. */
    public List<ReviewEvent> markOverdue(LocalDate asOf, ReviewEvents events) {
        List<ReviewEvent> out = new ArrayList<>();
        for (int i = 0; i < rectifications.size(); i++) {
            Rectification r = rectifications.get(i);
            if (!r.overdueNotified() && r.isOverdue(asOf)) {
                Rectification marked = r.overdueNotified(events.now());
                rectifications.set(i, marked);
                out.add(events.rectificationOverdue(orgId, marked));
            }
        }
        return out;
    }

    public boolean hasOverdueToNotify(LocalDate asOf) {
        return rectifications.stream().anyMatch(r -> !r.overdueNotified() && r.isOverdue(asOf));
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public String cycleId() {
        return cycleId;
    }

    public String orgId() {
        return orgId;
    }

    public String committeeOrgId() {
        return committeeOrgId;
    }

    public int year() {
        return year;
    }

    public Optional<Submission> submission() {
        return Optional.ofNullable(submission);
    }

    public Optional<LocalDate> reopenedUntil() {
        return Optional.ofNullable(reopenedUntil);
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<Feedback> feedback() {
        return List.copyOf(feedback);
    }

    public List<Rectification> rectifications() {
        return List.copyOf(rectifications);
    }
}
