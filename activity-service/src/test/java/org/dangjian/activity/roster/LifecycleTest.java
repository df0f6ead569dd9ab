package org.dangjian.activity.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.dangjian.activity.error.ApiException;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MemberEvent;
import org.dangjian.contracts.activity.MemberMilestone;
import org.dangjian.contracts.activity.MemberRegistered;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.activity.MemberTransfer;
import org.dangjian.contracts.activity.ProbationExtended;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final String ORG = "b-001";
    private static final LocalDate BORN = LocalDate.of(1995, 5, 1);

    private static Member step(Member m, ActivityType type, LocalDate date) {
        return Lifecycle.apply(m, ORG, type, new MemberMilestone("m1", null, null), date);
    }

    private static Member at(MemberStage stage, LocalDate since) {
        LocalDate admitted = stage == MemberStage.PROBATIONARY ? since : null;
        return new Member("m1", "张三", ORG, stage, since, BORN, admitted, null, Member.Status.ACTIVE, null);
    }

    private static void refused(Member m, ActivityType type, MemberEvent e, LocalDate date, String detailPart) {
        assertThatThrownBy(() -> Lifecycle.apply(m, ORG, type, e, date))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(422);
                    assertThat(ex.slug()).isEqualTo("illegal-transition");
                    assertThat(ex.detail()).contains(detailPart);
                });
    }

    private static MemberMilestone milestone() {
        return new MemberMilestone("m1", null, null);
    }

    @Test
    void happyPathFromApplicantToFullMember() {
        Member m = Lifecycle.apply(null, ORG, ActivityType.APPLICATION_RECEIVED,
                new MemberMilestone("m1", "张三", BORN), LocalDate.of(2023, 3, 1));
        assertThat(m.stage()).isEqualTo(MemberStage.APPLICANT);
        m = step(m, ActivityType.ACTIVIST_DESIGNATED, LocalDate.of(2023, 9, 1));
        assertThat(m.stage()).isEqualTo(MemberStage.ACTIVIST);
        m = step(m, ActivityType.DEVELOPMENT_TARGET_DESIGNATED, LocalDate.of(2024, 9, 2));
        assertThat(m.stage()).isEqualTo(MemberStage.DEVELOPMENT_TARGET);
        m = step(m, ActivityType.MEMBER_ADMITTED, LocalDate.of(2024, 12, 1));
        assertThat(m.stage()).isEqualTo(MemberStage.PROBATIONARY);
        assertThat(m.probationEnds()).isEqualTo(LocalDate.of(2025, 12, 1));
        m = step(m, ActivityType.MEMBER_CONFIRMED, LocalDate.of(2025, 12, 1));
        assertThat(m.stage()).isEqualTo(MemberStage.FULL);
        assertThat(m.stageSince()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void extendedProbationEndsLater() {
        Member m = Lifecycle.apply(at(MemberStage.PROBATIONARY, LocalDate.of(2024, 1, 10)), ORG,
                ActivityType.PROBATION_EXTENDED, new ProbationExtended("m1", 6), LocalDate.of(2025, 1, 5));
        assertThat(m.probationEnds()).isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(step(m, ActivityType.MEMBER_CONFIRMED, LocalDate.of(2025, 7, 10)).stage()).isEqualTo(MemberStage.FULL);
    }

    @Test
    void confirmingSomeoneWhoIsNotProbationaryIsRefused() {
        refused(at(MemberStage.DEVELOPMENT_TARGET, LocalDate.of(2024, 1, 1)), ActivityType.MEMBER_CONFIRMED,
                milestone(), LocalDate.of(2025, 6, 1), "只有预备党员可以转正");
    }

    @Test
    void confirmingBeforeTheProbationYearIsOverIsRefused() {
        refused(at(MemberStage.PROBATIONARY, LocalDate.of(2025, 3, 1)), ActivityType.MEMBER_CONFIRMED,
                milestone(), LocalDate.of(2026, 2, 28), "预备期未满");
    }

    @Test
    void confirmingBeforeTheExtendedProbationIsOverIsRefused() {
        Member extended = new Member("m1", "张三", ORG, MemberStage.PROBATIONARY, LocalDate.of(2024, 3, 1), BORN,
                LocalDate.of(2024, 3, 1), 6, Member.Status.ACTIVE, null);
        refused(extended, ActivityType.MEMBER_CONFIRMED, milestone(), LocalDate.of(2025, 3, 1), "2025年9月1日");
    }

    @Test
    void extendingProbationTwiceIsRefused() {
        Member extended = new Member("m1", "张三", ORG, MemberStage.PROBATIONARY, LocalDate.of(2024, 3, 1), BORN,
                LocalDate.of(2024, 3, 1), 6, Member.Status.ACTIVE, null);
        refused(extended, ActivityType.PROBATION_EXTENDED, new ProbationExtended("m1", 6), LocalDate.of(2025, 3, 1),
                "只能延长一次");
    }

    @Test
    void extendingProbationByLessThanSixOrMoreThanTwelveMonthsIsRefused() {
        Member m = at(MemberStage.PROBATIONARY, LocalDate.of(2024, 3, 1));
        refused(m, ActivityType.PROBATION_EXTENDED, new ProbationExtended("m1", 3), LocalDate.of(2025, 3, 1), "6至12个月");
        refused(m, ActivityType.PROBATION_EXTENDED, new ProbationExtended("m1", 13), LocalDate.of(2025, 3, 1), "6至12个月");
    }

    @Test
    void extendingProbationOfAFullMemberIsRefused() {
        refused(at(MemberStage.FULL, LocalDate.of(2020, 1, 1)), ActivityType.PROBATION_EXTENDED,
                new ProbationExtended("m1", 6), LocalDate.of(2025, 3, 1), "只有预备党员可以延长预备期");
    }

    @Test
    void admittingAnActivistWhoSkippedTheDevelopmentTargetStageIsRefused() {
        refused(at(MemberStage.ACTIVIST, LocalDate.of(2023, 1, 1)), ActivityType.MEMBER_ADMITTED, milestone(),
                LocalDate.of(2025, 1, 1), "不能越过发展对象阶段");
    }

    @Test
    void designatingAnApplicantAsDevelopmentTargetIsRefused() {
        refused(at(MemberStage.APPLICANT, LocalDate.of(2023, 1, 1)), ActivityType.DEVELOPMENT_TARGET_DESIGNATED,
                milestone(), LocalDate.of(2025, 1, 1), "只有入党积极分子可以确定为发展对象");
    }

    @Test
    void designatingADevelopmentTargetBeforeAYearAsActivistIsRefused() {
        refused(at(MemberStage.ACTIVIST, LocalDate.of(2025, 1, 1)), ActivityType.DEVELOPMENT_TARGET_DESIGNATED,
                milestone(), LocalDate.of(2025, 12, 31), "一年以上培养教育");
    }

    @Test
    void designatingSomeoneAlreadyAnActivistAgainIsRefused() {
        refused(at(MemberStage.ACTIVIST, LocalDate.of(2025, 1, 1)), ActivityType.ACTIVIST_DESIGNATED,
                milestone(), LocalDate.of(2025, 6, 1), "只有入党申请人可以确定为入党积极分子");
    }

    @Test
    void applicationBeforeEighteenIsRefused() {
        refused(null, ActivityType.APPLICATION_RECEIVED, new MemberMilestone("m1", "李四", LocalDate.of(2010, 1, 1)),
                LocalDate.of(2026, 1, 1), "年满18周岁");
    }

    @Test
    void applyingAgainWhenAlreadyOnTheRosterIsRefused() {
        refused(at(MemberStage.FULL, LocalDate.of(2020, 1, 1)), ActivityType.APPLICATION_RECEIVED,
                new MemberMilestone("m1", "张三", BORN), LocalDate.of(2026, 1, 1), "已在名册中");
    }

    @Test
    void registeringTheSameMemberTwiceIsRefused() {
        refused(at(MemberStage.FULL, LocalDate.of(2020, 1, 1)), ActivityType.MEMBER_REGISTERED,
                new MemberRegistered("m1", "张三", MemberStage.FULL, LocalDate.of(2020, 1, 1)), LocalDate.of(2026, 1, 1),
                "不能重复登记");
    }

    @Test
    void aStepForAMemberOfAnotherOrganisationIsRefused() {
        Member elsewhere = new Member("m1", "张三", "b-002", MemberStage.APPLICANT, LocalDate.of(2025, 1, 1), BORN, null,
                null, Member.Status.ACTIVE, null);
        refused(elsewhere, ActivityType.ACTIVIST_DESIGNATED, milestone(), LocalDate.of(2025, 6, 1), "不在本组织名册中");
    }

    @Test
    void aStepDatedBeforeTheCurrentStageIsRefused() {
        refused(at(MemberStage.APPLICANT, LocalDate.of(2025, 6, 1)), ActivityType.ACTIVIST_DESIGNATED, milestone(),
                LocalDate.of(2025, 5, 1), "日期早于");
    }

    @Test
    void transferOutOfAMemberNotInTheOrganisationIsRefused() {
        Member gone = new Member("m1", "张三", ORG, MemberStage.FULL, LocalDate.of(2020, 1, 1), BORN, null, null,
                Member.Status.TRANSFERRED_OUT, "b-009");
        refused(gone, ActivityType.MEMBER_TRANSFERRED_OUT,
                new MemberTransfer("m1", ORG, "b-010", null, null, null), LocalDate.of(2025, 6, 1), "不在本组织名册中");
    }

    @Test
    void transferInOfAMemberAlreadyHereIsRefused() {
        refused(at(MemberStage.FULL, LocalDate.of(2020, 1, 1)), ActivityType.MEMBER_TRANSFERRED_IN,
                new MemberTransfer("m1", "b-009", ORG, null, null, null), LocalDate.of(2025, 6, 1), "已在本组织");
    }

    @Test
    void transferKeepsStageAndMovesTheMember() {
        Member out = Lifecycle.apply(at(MemberStage.PROBATIONARY, LocalDate.of(2025, 1, 1)), ORG,
                ActivityType.MEMBER_TRANSFERRED_OUT, new MemberTransfer("m1", ORG, "b-002", null, null, null),
                LocalDate.of(2025, 6, 1));
        assertThat(out.status()).isEqualTo(Member.Status.TRANSFERRED_OUT);
        Member in = Lifecycle.apply(out, "b-002", ActivityType.MEMBER_TRANSFERRED_IN,
                new MemberTransfer("m1", ORG, "b-002", null, null, null), LocalDate.of(2025, 6, 2));
        assertThat(in.orgId()).isEqualTo("b-002");
        assertThat(in.stage()).isEqualTo(MemberStage.PROBATIONARY);
        assertThat(in.probationEnds()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void duesFromAMemberOfAnotherOrganisationAreRefused() {
        Member elsewhere = new Member("m1", "张三", "b-002", MemberStage.FULL, LocalDate.of(2020, 1, 1), BORN, null,
                null, Member.Status.ACTIVE, null);
        assertThatThrownBy(() -> Lifecycle.checkDuesPayer(elsewhere, ORG))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.slug()).isEqualTo("illegal-transition");
                    assertThat(ex.detail()).contains("不在本组织");
                });
    }

    @Test
    void duesFromAnApplicantAreRefused() {
        assertThatThrownBy(() -> Lifecycle.checkDuesPayer(at(MemberStage.APPLICANT, LocalDate.of(2025, 1, 1)), ORG))
                .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.detail()).contains("尚未入党"));
    }
}
