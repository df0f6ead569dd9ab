package org.dangjian.notification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dangjian.notification.ledger.Fixtures.at;
import static org.dangjian.notification.ledger.Fixtures.branch;
import static org.dangjian.notification.ledger.Fixtures.day;
import static org.dangjian.notification.ledger.Fixtures.dues;
import static org.dangjian.notification.ledger.Fixtures.extended;
import static org.dangjian.notification.ledger.Fixtures.meeting;
import static org.dangjian.notification.ledger.Fixtures.milestone;
import static org.dangjian.notification.ledger.Fixtures.monthly;
import static org.dangjian.notification.ledger.Fixtures.policy;
import static org.dangjian.notification.ledger.Fixtures.registered;
import static org.dangjian.notification.ledger.Fixtures.voiding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private final Ledger ledger = new Ledger(ChaseRules.defaults());
    private final Policy committeeOnly = policy(10, monthly(MeetingType.BRANCH_COMMITTEE));

    private List<Due> outstanding(Policy policy, LocalDate trackedFrom, String asOf, LedgerEvent... events) {
        return ledger.outstanding(OrgView.of(branch(trackedFrom, policy), List.of(events), List.of()),
                LocalDate.parse(asOf));
    }

    private static List<Due> about(List<Due> dues, String period) {
        return dues.stream().filter(d -> period.equals(d.item().period())).toList();
    }

    @Test
    void aMissingMonthlyMeetingIsRemindedThreeDaysBeforeThe10thOfTheNextMonth() {
        var held = new ArrayList<LedgerEvent>();
        held.add(meeting(MeetingType.BRANCH_COMMITTEE, day("2026-01-08")));
        held.add(meeting(MeetingType.BRANCH_COMMITTEE, day("2026-02-08")));
        LedgerEvent[] events = held.toArray(LedgerEvent[]::new);

        assertThat(about(outstanding(committeeOnly, JAN_1, "2026-04-06", events), "2026-03")).isEmpty();

        List<Due> reminder = about(outstanding(committeeOnly, JAN_1, "2026-04-07", events), "2026-03");
        assertThat(reminder).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.REMINDER);
            assertThat(d.recipientOrgId()).isEqualTo("b-001");
            assertThat(d.text()).isEqualTo("第一支部2026年3月尚未召开支部委员会，应于2026年4月10日前完成，还剩3天。");
            assertThat(d.item().deadline()).isEqualTo(LocalDate.of(2026, 4, 10));
        });
        assertThat(about(outstanding(committeeOnly, JAN_1, "2026-04-10", events), "2026-03"))
                .singleElement().satisfies(d -> assertThat(d.text()).endsWith("今天是最后期限。"));
        // January and February were held: nothing about them, ever.
        assertThat(outstanding(committeeOnly, JAN_1, "2026-04-07", events))
                .noneMatch(d -> d.item().period().equals("2026-01") || d.item().period().equals("2026-02"));
    }

    @Test
    void overdueTheDayAfterAndEscalatedToTheParentAfterTheGracePeriod() {
        List<Due> overdue = about(outstanding(committeeOnly, JAN_1, "2026-04-11"), "2026-03");
        assertThat(overdue).extracting(Due::stage).containsExactly(Stage.OVERDUE);
        assertThat(overdue.get(0).text()).isEqualTo("第一支部2026年3月尚未召开支部委员会，应于2026年4月10日前完成，现已逾期1天，请尽快完成。");

        assertThat(about(outstanding(committeeOnly, JAN_1, "2026-04-25"), "2026-03")).extracting(Due::stage)
                .containsExactly(Stage.OVERDUE);
        List<Due> escalated = about(outstanding(committeeOnly, JAN_1, "2026-04-26"), "2026-03");
        assertThat(escalated).extracting(Due::stage).containsExactly(Stage.OVERDUE, Stage.ESCALATED);
        assertThat(escalated.get(1).recipientOrgId()).isEqualTo("c-001");
        assertThat(escalated.get(1).text()).startsWith("【督办】第一支部2026年3月尚未召开支部委员会").contains("已逾期16天");
        // Same item, stage and recipient → same key: the store inserts it once.
        assertThat(escalated.get(0).key()).isEqualTo(overdue.get(0).key());
    }

    @Test
    void meetingsCountInTheMonthTheyHappenedInChinaTime() {
        // 2026-03-31T16:30Z is 1 April 00:30 in Beijing: it does not count for March.
        LedgerEvent lateNight = meeting(MeetingType.BRANCH_COMMITTEE, java.time.Instant.parse("2026-03-31T16:30:00Z"));
        assertThat(about(outstanding(committeeOnly, JAN_1, "2026-04-08", lateNight), "2026-03")).hasSize(1);
        LedgerEvent inMarch = meeting(MeetingType.BRANCH_COMMITTEE, java.time.Instant.parse("2026-03-31T15:59:00Z"));
        assertThat(about(outstanding(committeeOnly, JAN_1, "2026-04-08", inMarch), "2026-03")).isEmpty();
        assertThat(at("2026-04-01T00:30:00")).isEqualTo(lateNight.occurredAt());
    }

    @Test
    void aLateItemSettlesTheItemAndAVoidUndoesIt() {
        Due due = about(outstanding(committeeOnly, JAN_1, "2026-04-11"), "2026-03").get(0);
        LedgerEvent backdated = meeting(MeetingType.BRANCH_COMMITTEE, day("2026-03-28"));
        OrgInfo org = branch(JAN_1, committeeOnly);
        assertThat(ledger.isSettled(due.item(), OrgView.of(org, List.of(), List.of()))).isFalse();
        assertThat(ledger.isSettled(due.item(), OrgView.of(org, List.of(backdated), List.of()))).isTrue();
        assertThat(ledger.isSettled(due.item(),
                OrgView.of(org, List.of(backdated, voiding(backdated, "2026-04-12")), List.of()))).isFalse();
        // A meeting held in April does not make up for March.
        assertThat(ledger.isSettled(due.item(),
                OrgView.of(org, List.of(meeting(MeetingType.BRANCH_COMMITTEE, day("2026-04-02"))), List.of())))
                .isFalse();
    }

    @Test
    void quarterlyAndYearlyItemsAndMinimumsAboveOne() {
        Policy policy = policy(10, new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY, Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.PARTY_LECTURE, Frequency.QUARTERLY, 2),
                new Requirement(MeetingType.ORGANIZATIONAL_LIFE, Frequency.YEARLY, 1));
        List<Due> q1 = outstanding(policy, JAN_1, "2026-04-07",
                meeting(MeetingType.PARTY_LECTURE, day("2026-02-02")));
        assertThat(q1).extracting(d -> d.item().meetingType() + " " + d.item().period()).containsExactlyInAnyOrder(
                "BRANCH_MEMBER_ASSEMBLY 2026-Q1", "PARTY_LECTURE 2026-Q1");
        assertThat(q1).filteredOn(d -> d.item().meetingType() == MeetingType.PARTY_LECTURE).singleElement()
                .satisfies(d -> assertThat(d.text())
                        .isEqualTo("第一支部2026年第一季度党课仅讲1次（应不少于2次），应于2026年4月10日前完成，还剩3天。"));
        assertThat(q1).filteredOn(d -> d.item().meetingType() == MeetingType.BRANCH_MEMBER_ASSEMBLY).singleElement()
                .satisfies(d -> assertThat(d.text()).startsWith("第一支部2026年第一季度尚未召开支部党员大会，"));
        List<Due> year = outstanding(policy, JAN_1, "2027-01-08");
        assertThat(year).filteredOn(d -> d.item().meetingType() == MeetingType.ORGANIZATIONAL_LIFE).singleElement()
                .satisfies(d -> assertThat(d.text()).isEqualTo("第一支部2026年度尚未召开组织生活会，应于2027年1月10日前完成，还剩2天。"));
    }

    @Test
    void thePolicyDeadlineDayAndThemePartyDayAreUsed() {
        Policy policy = new Policy(List.of(monthly(MeetingType.THEME_PARTY_DAY)), 5, 4, true, 1);
        List<Due> dues = outstanding(policy, JAN_1, "2026-02-02");
        assertThat(dues).singleElement().satisfies(d -> assertThat(d.text())
                .isEqualTo("第一支部2026年1月尚未开展主题党日活动（每月4日），应于2026年2月5日前完成，还剩3天。"));
    }

    @Test
    void periodsBeforeTheBranchWasKnownAndLongPastAreNotChased() {
        List<Due> fromMid = outstanding(committeeOnly, LocalDate.of(2026, 3, 15), "2026-05-11");
        assertThat(fromMid).extracting(d -> d.item().period()).containsExactly("2026-04");
        List<Due> december = outstanding(committeeOnly, JAN_1, "2026-12-01");
        // January's deadline (10 Feb) is more than 100 days back; October's (10 Nov) is not.
        assertThat(december).extracting(d -> d.item().period()).doesNotContain("2026-01", "2026-07")
                .contains("2026-08", "2026-10");
    }

    @Test
    void duesWarnAfterThreeMonthsAndWarnOfLapseAfterFive() {
        LedgerEvent member = registered("m-1", "张三", MemberStage.FULL, "2001-07-01", "2026-01-05");
        LedgerEvent jan = dues("m-1", "2026-01", 1, "2026-01-20");
        Policy noMeetings = policy(10);
        assertThat(outstanding(noMeetings, JAN_1, "2026-04-30", member, jan)).isEmpty();
        List<Due> three = outstanding(noMeetings, JAN_1, "2026-05-01", member, jan);
        assertThat(three).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.DUES_WARNING);
            assertThat(d.recipientOrgId()).isEqualTo("b-001");
            assertThat(d.text()).startsWith("第一支部党员张三已连续3个月（2026年2月至2026年4月）未交纳党费");
            assertThat(d.item().period()).isEqualTo("2026-02");
        });
        List<Due> five = outstanding(noMeetings, JAN_1, "2026-07-01", member, jan);
        assertThat(five).extracting(Due::stage, Due::recipientOrgId).containsExactly(
                tuple(Stage.DUES_FINAL_WARNING, "b-001"),
                tuple(Stage.DUES_FINAL_WARNING, "c-001"));
        assertThat(five.get(0).text()).contains("已连续5个月（2026年2月至2026年6月）", "连续六个月不交纳党费即被认为是自行脱党",
                "请于2026年7月31日前督促其补交");
        assertThat(five.get(0).item().key()).isEqualTo(three.get(0).item().key());

        // Paying settles it; prepaying six months keeps every warning away.
        OrgInfo org = branch(JAN_1, noMeetings);
        LedgerEvent lateMay = dues("m-1", "2026-05", 1, "2026-07-03");
        assertThat(ledger.isSettled(three.get(0).item(), OrgView.of(org, List.of(member, jan), List.of()))).isFalse();
        assertThat(ledger.isSettled(three.get(0).item(), OrgView.of(org, List.of(member, jan, lateMay), List.of())))
                .isTrue();
        assertThat(outstanding(noMeetings, JAN_1, "2026-07-01", member, dues("m-1", "2026-01", 6, "2026-01-10")))
                .isEmpty();
        // A voided payment does not count.
        LedgerEvent wrong = dues("m-1", "2026-02", 6, "2026-02-10");
        assertThat(outstanding(noMeetings, JAN_1, "2026-07-01", member, jan, wrong, voiding(wrong, "2026-02-11")))
                .extracting(Due::stage).containsOnly(Stage.DUES_FINAL_WARNING);
    }

    @Test
    void probationaryMembersWhoseYearIsUpWithoutDecision() {
        LedgerEvent applicant = registered("p-1", "王五", MemberStage.DEVELOPMENT_TARGET, "2024-12-01", "2025-01-02");
        LedgerEvent admitted = milestone(ActivityType.MEMBER_ADMITTED, "p-1", "2025-03-01");
        Policy none = new Policy(List.of(), 10, null, false, 1);
        LocalDate tracked = LocalDate.of(2025, 1, 1);
        assertThat(outstanding(none, tracked, "2026-02-25", applicant, admitted)).isEmpty();
        assertThat(outstanding(none, tracked, "2026-02-26", applicant, admitted)).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.REMINDER);
            assertThat(d.text()).isEqualTo("第一支部预备党员王五的预备期将于2026年3月1日届满，应按期召开支部党员大会讨论其转正，还剩3天。");
        });
        List<Due> late = outstanding(none, tracked, "2026-03-20", applicant, admitted);
        assertThat(late).extracting(Due::stage).containsExactly(Stage.OVERDUE, Stage.ESCALATED);
        assertThat(late.get(0).text()).startsWith("第一支部预备党员王五的预备期已于2026年3月1日届满，尚未讨论其转正");

        // Extended by six months: the old item is settled, the new year ends on 1 September.
        LedgerEvent extension = extended("p-1", 6, "2026-03-21");
        OrgInfo org = branch(tracked, none);
        assertThat(ledger.isSettled(late.get(0).item(), OrgView.of(org, List.of(applicant, admitted, extension),
                List.of()))).isTrue();
        assertThat(outstanding(none, tracked, "2026-09-02", applicant, admitted, extension)).first()
                .satisfies(d -> assertThat(d.item().deadline()).isEqualTo(LocalDate.of(2026, 9, 1)));
        LedgerEvent confirmed = milestone(ActivityType.MEMBER_CONFIRMED, "p-1", "2026-03-25");
        assertThat(outstanding(none, tracked, "2026-09-02", applicant, admitted, confirmed)).isEmpty();
    }

    @Test
    void activistsCultivatedForAYear() {
        LedgerEvent activist = milestone(ActivityType.ACTIVIST_DESIGNATED, "a-1", "2025-02-01");
        LedgerEvent applied = new LedgerEvent("ap", "b-001", ActivityType.APPLICATION_RECEIVED, day("2024-10-01"),
                day("2024-10-01"), null, "a-1", "李四", null, null, null, 0, 0, null, null, null);
        Policy none = new Policy(List.of(), 10, null, false, 1);
        assertThat(outstanding(none, JAN_1, "2026-01-31", applied, activist)).isEmpty();
        List<Due> notice = outstanding(none, JAN_1, "2026-02-01", applied, activist);
        assertThat(notice).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.NOTICE);
            assertThat(d.text()).isEqualTo("第一支部入党积极分子李四自2025年2月1日确定以来，至2026年2月1日已培养满一年，尚未确定为发展对象，请及时研究是否列为发展对象。");
        });
        LedgerEvent target = milestone(ActivityType.DEVELOPMENT_TARGET_DESIGNATED, "a-1", "2026-02-10");
        assertThat(ledger.isSettled(notice.get(0).item(),
                OrgView.of(branch(JAN_1, none), List.of(applied, activist, target), List.of()))).isTrue();
    }

    @Test
    void rectificationsNearAndPastTheirDeadlineEscalateToTheCommittee() {
        Policy none = new Policy(List.of(), 10, null, false, 1);
        var open = new RectificationInfo("r-1", "b-001", "c-009", "三会一课制度执行不严格", "每月按时召开支委会",
                LocalDate.of(2026, 6, 30), "OPEN");
        OrgInfo org = branch(JAN_1, none);
        assertThat(ledger.outstanding(OrgView.of(org, List.of(), List.of(open)), LocalDate.of(2026, 6, 26))).isEmpty();
        assertThat(ledger.outstanding(OrgView.of(org, List.of(), List.of(open)), LocalDate.of(2026, 6, 27)))
                .singleElement().satisfies(d -> assertThat(d.text()).isEqualTo(
                        "第一支部的整改事项“三会一课制度执行不严格”（整改措施：每月按时召开支委会）应于2026年6月30日前完成整改，还剩3天。"));
        List<Due> late = ledger.outstanding(OrgView.of(org, List.of(), List.of(open)), LocalDate.of(2026, 7, 16));
        assertThat(late).extracting(Due::stage, Due::recipientOrgId).containsExactly(
                tuple(Stage.OVERDUE, "b-001"),
                tuple(Stage.ESCALATED, "c-009"));
        var submitted = new RectificationInfo("r-1", "b-001", "c-009", "三会一课制度执行不严格", "每月按时召开支委会",
                LocalDate.of(2026, 6, 30), "SUBMITTED");
        assertThat(ledger.isSettled(late.get(0).item(), OrgView.of(org, List.of(), List.of(submitted)))).isTrue();
        assertThat(ledger.outstanding(OrgView.of(org, List.of(), List.of(submitted)), LocalDate.of(2026, 7, 16)))
                .isEmpty();
    }

    @Test
    void onlyBranchesOweOrganisationalLife() {
        OrgInfo committee = new OrgInfo("c-001", "机关党委", org.dangjian.contracts.org.OrgType.COMMITTEE, null,
                committeeOnly, JAN_1);
        assertThat(ledger.outstanding(OrgView.of(committee, List.of(), List.of()), LocalDate.of(2026, 4, 11)))
                .isEmpty();
    }
}
