package org.dangjian.notification.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;

/**
 * What is owed when, and whether it has been done. Plain Java over an {@link OrgView}; all dates are Asia/Shanghai
 * calendar days.
 *
 * <p>For an item with a deadline D: the owing organisation gets a REMINDER from D minus
 * {@code reminderDaysBefore} up to D (D included), an OVERDUE notice from the day after D, and once more than
 * {@code graceDays} have passed since D (from D + grace + 1) the parent organisation gets an ESCALATED notice.
 * A check that first sees an item late issues only the stages that still make sense (no reminder once overdue).
 */
public final class Ledger {

    private final ChaseRules rules;

    public Ledger(ChaseRules rules) {
        this.rules = rules;
    }

    /** Default policy when an organisation has none (DOMAIN.md's table). */
    public static Policy defaultPolicy() {
        return new Policy(List.of(
                new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY,
                        Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.BRANCH_COMMITTEE,
                        Frequency.MONTHLY, 1),
                new Requirement(MeetingType.PARTY_GROUP,
                        Frequency.MONTHLY, 1),
                new Requirement(MeetingType.PARTY_LECTURE,
                        Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.THEME_PARTY_DAY,
                        Frequency.MONTHLY, 1),
                new Requirement(MeetingType.ORGANIZATIONAL_LIFE,
                        Frequency.YEARLY, 1),
                new Requirement(MeetingType.DEMOCRATIC_APPRAISAL,
                        Frequency.YEARLY, 1)), 10, null, true, 1);
    }

    static Policy policyOf(OrgInfo org) {
        return org.policy() == null ? defaultPolicy() : org.policy();
    }

    static int deadlineDay(Policy policy) {
        return policy.deadlineDay() <= 0 ? 10 : policy.deadlineDay();
    }

    /** Every notification that should exist for this organisation as of {@code asOf}. */
    public List<Due> outstanding(OrgView view, LocalDate asOf) {
        List<Due> dues = new ArrayList<>();
        OrgInfo org = view.org();
        if (org.type() == OrgType.BRANCH) {
            meetings(view, asOf, dues);
            memberDues(view, asOf, dues);
            probation(view, asOf, dues);
            activists(view, asOf, dues);
        }
        rectifications(view, asOf, dues);
        return dues;
    }

    private void meetings(OrgView view, LocalDate asOf, List<Due> out) {
        OrgInfo org = view.org();
        Policy policy = policyOf(org);
        int deadlineDay = deadlineDay(policy);
        LocalDate from = org.trackedFrom() == null ? asOf.withDayOfYear(1) : org.trackedFrom();
        for (Requirement req : policy.requirements()) {
            if (req.minimum() <= 0 || req.meetingType() == null || req.frequency() == null) {
                continue;
            }
            for (Period p = Period.firstStartingOnOrAfter(req.frequency(), from);
                    !p.deadline(deadlineDay).minusDays(rules.reminderDaysBefore()).isAfter(asOf); p = p.next()) {
                LocalDate deadline = p.deadline(deadlineDay);
                if (deadline.plusDays(rules.lookbackDays()).isBefore(asOf)) {
                    continue;
                }
                int held = view.meetingsIn(req.meetingType(), p);
                if (held >= req.minimum()) {
                    continue;
                }
                Item item = Item.meeting(org.orgId(), req.meetingType(), p, req.minimum(), deadline);
                String base = NoticeTexts.meetingBase(org.displayName(), req.meetingType(), p, req.minimum(), held,
                        deadline, policy.themePartyDay());
                String subject = p.label() + NoticeTexts.meetingName(req.meetingType(), policy.themePartyDay());
                staged(item, org, org.parentId(), base, subject, asOf, out);
            }
        }
    }

    /** REMINDER / OVERDUE (+ ESCALATED to {@code escalateTo}) for an item with a deadline. */
    private void staged(Item item, OrgInfo org, String escalateTo, String base, String subject, LocalDate asOf,
            List<Due> out) {
        LocalDate deadline = item.deadline();
        if (asOf.isBefore(deadline.minusDays(rules.reminderDaysBefore()))) {
            return;
        }
        if (!asOf.isAfter(deadline)) {
            out.add(due(item, Stage.REMINDER, org.orgId(), org, subject, base, asOf));
            return;
        }
        out.add(due(item, Stage.OVERDUE, org.orgId(), org, subject, base, asOf));
        if (escalateTo != null && asOf.isAfter(deadline.plusDays(rules.graceDays()))) {
            out.add(due(item, Stage.ESCALATED, escalateTo, org, subject, base, asOf));
        }
    }

    private static Due due(Item item, Stage stage, String recipient, OrgInfo org, String subject, String base,
            LocalDate asOf) {
        String text = (stage == Stage.ESCALATED ? "【督办】" : "") + base
                + NoticeTexts.tail(stage, item.deadline(), asOf);
        return new Due(item, stage, recipient, NoticeTexts.title(stage, org.displayName(), subject), text);
    }

    private void memberDues(OrgView view, LocalDate asOf, List<Due> out) {
        OrgInfo org = view.org();
        if (!policyOf(org).monthlyDues()) {
            return;
        }
        YearMonth lastEnded = YearMonth.from(asOf).minusMonths(1);
        YearMonth tracked = org.trackedFrom() == null ? null : YearMonth.from(org.trackedFrom());
        for (MemberState m : view.members()) {
            if (!m.partyMember() || m.duesFrom() == null) {
                continue;
            }
            YearMonth start = tracked != null && tracked.isAfter(m.duesFrom()) ? tracked : m.duesFrom();
            int streak = 0;
            YearMonth month = lastEnded;
            while (!month.isBefore(start) && !m.paidMonths().contains(month)) {
                streak++;
                month = month.minusMonths(1);
            }
            if (streak < rules.duesWarningMonths()) {
                continue;
            }
            YearMonth first = lastEnded.minusMonths(streak - 1L);
            LocalDate lapse = first.plusMonths(5).atEndOfMonth();
            Item item = new Item(ItemKind.DUES, org.orgId(), null, first.toString(), 0, m.memberId(),
                    m.displayName(), null, lapse, null);
            String range = "（" + NoticeTexts.month(first) + "至" + NoticeTexts.month(lastEnded) + "）";
            String who = org.displayName() + "党员" + m.displayName() + "已连续" + streak + "个月" + range + "未交纳党费";
            if (streak >= rules.duesFinalWarningMonths()) {
                String text = who + "。按照规定，党员连续六个月不交纳党费即被认为是自行脱党，请于" + NoticeTexts.date(lapse)
                        + "前督促其补交。";
                String title = NoticeTexts.title(Stage.DUES_FINAL_WARNING, org.displayName(), m.displayName() + "党费");
                out.add(new Due(item, Stage.DUES_FINAL_WARNING, org.orgId(), title, text));
                if (org.parentId() != null) {
                    out.add(new Due(item, Stage.DUES_FINAL_WARNING, org.parentId(), title, text));
                }
            } else {
                String text = who + "，请及时提醒其按月交纳，连续六个月不交纳党费将被认为是自行脱党。";
                out.add(new Due(item, Stage.DUES_WARNING, org.orgId(),
                        NoticeTexts.title(Stage.DUES_WARNING, org.displayName(), m.displayName() + "党费"), text));
            }
        }
    }

    private void probation(OrgView view, LocalDate asOf, List<Due> out) {
        OrgInfo org = view.org();
        for (MemberState m : view.members()) {
            LocalDate ends = m.active() ? m.probationEnds() : null;
            if (ends == null) {
                continue;
            }
            Item item = new Item(ItemKind.PROBATION, org.orgId(), null, null, 0, m.memberId(), m.displayName(), null,
                    ends, null);
            String base = asOf.isAfter(ends)
                    ? org.displayName() + "预备党员" + m.displayName() + "的预备期已于" + NoticeTexts.date(ends)
                            + "届满，尚未讨论其转正，应召开支部党员大会讨论"
                    : org.displayName() + "预备党员" + m.displayName() + "的预备期将于" + NoticeTexts.date(ends)
                            + "届满，应按期召开支部党员大会讨论其转正";
            staged(item, org, org.parentId(), base, m.displayName() + "转正", asOf, out);
        }
    }

    private void activists(OrgView view, LocalDate asOf, List<Due> out) {
        OrgInfo org = view.org();
        for (MemberState m : view.members()) {
            if (!m.active() || m.stage() != MemberStage.ACTIVIST || m.stageSince() == null) {
                continue;
            }
            LocalDate year = m.stageSince().plusYears(1);
            if (asOf.isBefore(year)) {
                continue;
            }
            Item item = new Item(ItemKind.ACTIVIST, org.orgId(), null, null, 0, m.memberId(), m.displayName(), null,
                    year, m.stageSince());
            String text = org.displayName() + "入党积极分子" + m.displayName() + "自" + NoticeTexts.date(m.stageSince())
                    + "确定以来，至" + NoticeTexts.date(year) + "已培养满一年，尚未确定为发展对象，请及时研究是否列为发展对象。";
            out.add(new Due(item, Stage.NOTICE, org.orgId(),
                    NoticeTexts.title(Stage.NOTICE, org.displayName(), m.displayName() + "培养满一年"), text));
        }
    }

    private void rectifications(OrgView view, LocalDate asOf, List<Due> out) {
        OrgInfo org = view.org();
        for (RectificationInfo r : view.rectifications()) {
            if (r.done() || r.deadline() == null) {
                continue;
            }
            Item item = new Item(ItemKind.RECTIFICATION, org.orgId(), null, null, 0, null, null,
                    r.rectificationId(), r.deadline(), null);
            String base = org.displayName() + "的整改事项“" + r.problem() + "”"
                    + (r.measure() == null || r.measure().isBlank() ? "" : "（整改措施：" + r.measure() + "）")
                    + "应于" + NoticeTexts.date(r.deadline()) + "前完成整改";
            String escalateTo = r.committeeOrgId() != null ? r.committeeOrgId() : org.parentId();
            staged(item, org, escalateTo, base, "整改事项", asOf, out);
        }
    }

    /** Whether what an item asked for has arrived (or is no longer owed). Needs no date. */
    public boolean isSettled(Item item, OrgView view) {
        return switch (item.kind()) {
            case MEETING -> view.meetingsIn(item.meetingType(), Period.parse(item.period())) >= item.minimum();
            case DUES -> {
                MemberState m = view.member(item.memberId());
                YearMonth first = YearMonth.parse(item.period());
                yield m == null || !m.partyMember() || m.paidMonths().stream().anyMatch(p -> !p.isBefore(first));
            }
            case PROBATION -> {
                MemberState m = view.member(item.memberId());
                yield m == null || !m.active() || !item.deadline().equals(m.probationEnds());
            }
            case ACTIVIST -> {
                MemberState m = view.member(item.memberId());
                yield m == null || !m.active() || m.stage() != MemberStage.ACTIVIST
                        || !item.since().equals(m.stageSince());
            }
            case RECTIFICATION -> {
                RectificationInfo r = view.rectification(item.reference());
                yield r != null && (r.done() || !item.deadline().equals(r.deadline()));
            }
        };
    }
}
