package org.dangjian.review.orgreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.contracts.review.ReviewEventType;
import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.rectification.Rectification;
import org.dangjian.review.rectification.RectificationStatus;

/** Builds the events of one organisation in one cycle, with the Chinese summary people read. */
public final class ReviewEvents {

    private final Cycle cycle;
    private final UnaryOperator<String> names;
    private final Instant now;

    /** @param names organisation id → display name (falls back to the id) */
    public ReviewEvents(Cycle cycle, UnaryOperator<String> names, Instant now) {
        this.cycle = cycle;
        this.names = names;
        this.now = now;
    }

    public Instant now() {
        return now;
    }

    private ReviewEvent event(ReviewEventType type, String orgId, LocalDate deadline, Rectification r,
            String summary) {
        return new ReviewEvent(UUID.randomUUID().toString(), type, cycle.cycleId(), cycle.year(),
                cycle.committeeOrgId(), orgId, now, deadline, r == null ? null : contract(r), summary);
    }

    public static ReviewEvent.Rectification contract(Rectification r) {
        return new ReviewEvent.Rectification(r.rectificationId(), r.problem(), r.measure(), r.deadline(),
                r.status().name());
    }

    /** Display name of an organisation (its id when unknown). */
    public String name(String orgId) {
        return names.apply(orgId);
    }

    private String org(String orgId) {
        return names.apply(orgId);
    }

    private String committee() {
        return names.apply(cycle.committeeOrgId());
    }

    public ReviewEvent cycleOpened(String orgId) {
        return event(ReviewEventType.CYCLE_OPENED, orgId, cycle.submissionDeadline(),
                null, committee() + "启动" + cycle.year() + "年度抓党建述职评议考核，请" + org(orgId) + "于"
                        + cycle.submissionDeadline() + "前提交述职报告");
    }

    public ReviewEvent reportSubmitted(String orgId, Submission s) {
        String how = s.source() == SubmissionSource.DRAFT ? "（采用系统生成的述职报告草稿）" : "";
        String late = s.late() ? "，为重新开放后补交" : "";
        String again = s.version() > 1 ? "更新" : "提交";
        return event(ReviewEventType.REPORT_SUBMITTED, orgId, cycle.submissionDeadline(), null,
                org(orgId) + "已" + again + cycle.year() + "年度述职报告" + how + late);
    }

    public ReviewEvent submissionReopened(String orgId, LocalDate until) {
        return event(ReviewEventType.SUBMISSION_REOPENED, orgId, until, null,
                committee() + "已为" + org(orgId) + "重新开放" + cycle.year() + "年度述职报告提交，截止" + until);
    }

    public ReviewEvent assessmentRecorded(String orgId, String reviewerId, boolean amended) {
        return event(ReviewEventType.ASSESSMENT_RECORDED, orgId, cycle.reviewDeadline(), null,
                "评议人" + reviewerId + (amended ? "已修改对" : "已完成对") + org(orgId) + cycle.year() + "年度述职的评议");
    }

    public ReviewEvent feedbackIssued(String orgId, Feedback f) {
        String version = f.version() > 1 ? "（第" + f.version() + "版，更正前一版）" : "";
        return event(ReviewEventType.FEEDBACK_ISSUED, orgId, null, null,
                committee() + "已向" + org(orgId) + "反馈" + cycle.year() + "年度述职评议考核结果" + version + "：评定等次为「"
                        + f.rating().label() + "」，问题清单共" + f.problems().size() + "项");
    }

    public ReviewEvent rectificationDue(String orgId, Rectification r) {
        return event(ReviewEventType.RECTIFICATION_DUE, orgId, r.deadline(), r,
                org(orgId) + "须于" + r.deadline() + "前完成整改：" + r.problem() + "（整改措施：" + r.measure() + "）");
    }

    public ReviewEvent rectificationUpdated(String orgId, Rectification r) {
        String what = r.status() == RectificationStatus.SUBMITTED ? "已提交整改材料，待" + committee() + "验收"
                : r.status() == RectificationStatus.WITHDRAWN ? "因反馈更正已撤销"
                        : "进展：" + r.status().label();
        return event(ReviewEventType.RECTIFICATION_UPDATED, orgId, r.deadline(), r,
                org(orgId) + "整改事项「" + r.problem() + "」" + what);
    }

    public ReviewEvent rectificationVerified(String orgId, Rectification r) {
        return event(ReviewEventType.RECTIFICATION_VERIFIED, orgId, r.deadline(), r,
                org(orgId) + "整改事项「" + r.problem() + "」经" + committee() + "验收，已销号");
    }

    public ReviewEvent rectificationRejected(String orgId, Rectification r, String comment) {
        String why = comment == null || comment.isBlank() ? "" : "，意见：" + comment;
        return event(ReviewEventType.RECTIFICATION_REJECTED, orgId, r.deadline(), r,
                org(orgId) + "整改事项「" + r.problem() + "」未通过" + committee() + "验收，已退回继续整改" + why);
    }

    public ReviewEvent rectificationOverdue(String orgId, Rectification r) {
        return event(ReviewEventType.RECTIFICATION_OVERDUE, orgId, r.deadline(), r,
                org(orgId) + "整改事项「" + r.problem() + "」已超过整改期限（" + r.deadline() + "），尚未完成整改");
    }
}
