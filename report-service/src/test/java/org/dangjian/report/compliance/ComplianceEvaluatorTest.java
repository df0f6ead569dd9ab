package org.dangjian.report.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.junit.jupiter.api.Test;

/** A fixture year with deliberate gaps. */
class ComplianceEvaluatorTest {

    private final ComplianceEvaluator evaluator = new ComplianceEvaluator();

    private static Map<MeetingType, int[]> fixtureMeetings() {
        Map<MeetingType, int[]> m = new EnumMap<>(MeetingType.class);
        int[] committee = new int[13];
        int[] themeDay = new int[13];
        for (int i = 1; i <= 12; i++) {
            committee[i] = i == 3 || i == 7 ? 0 : 1; // gaps: March, July
            themeDay[i] = i == 5 ? 0 : 1; // gap: May
        }
        int[] assembly = new int[13];
        assembly[2] = 1;
        assembly[11] = 1; // gaps: Q2, Q3
        int[] lecture = new int[13];
        lecture[1] = 1;
        lecture[4] = 1;
        lecture[8] = 1; // gap: Q4
        m.put(MeetingType.BRANCH_COMMITTEE, committee);
        m.put(MeetingType.THEME_PARTY_DAY, themeDay);
        m.put(MeetingType.BRANCH_MEMBER_ASSEMBLY, assembly);
        m.put(MeetingType.PARTY_LECTURE, lecture);
        return m;
    }

    private static final List<RosterMember> ROSTER = List.of(
            new RosterMember("m1", "张三", MemberStage.FULL, YearMonth.of(2010, 1), null, false),
            new RosterMember("m2", "李四", MemberStage.PROBATIONARY, YearMonth.of(2026, 6), null, false),
            new RosterMember("m3", "王五", MemberStage.FULL, YearMonth.of(2012, 1), YearMonth.of(2026, 3), false),
            new RosterMember("m4", "赵六", MemberStage.ACTIVIST, null, null, false));

    @Test
    void midYearOnlyWhatIsDueByAsOfCounts() {
        // 2026-08-10: July's items are due (deadline 10 Aug), Q2 is due (10 Jul), Q3 is not.
        Compliance c = evaluator.evaluate(ComplianceEvaluator.DEFAULT_POLICY, 2026, LocalDate.of(2026, 8, 10),
                fixtureMeetings(), Map.of("m1", Set.of(1, 2, 3, 4, 5, 6), "m2", Set.of(6, 7), "m3", Set.of(1)),
                Map.of(), ROSTER);
        assertThat(c.monthsWithout().get(MeetingType.BRANCH_COMMITTEE)).containsExactly(3, 7);
        assertThat(c.monthsWithout().get(MeetingType.THEME_PARTY_DAY)).containsExactly(5);
        assertThat(c.quartersWithout().get(MeetingType.BRANCH_MEMBER_ASSEMBLY)).containsExactly(2);
        assertThat(c.quartersWithout()).doesNotContainKey(MeetingType.PARTY_LECTURE);
        assertThat(c.yearlyMissing()).isEmpty();
        // m1 owes July; m2 joined in June and paid June+July; m3 left in March and owes February; m4 is no member
        assertThat(c.unpaidDues()).extracting(Compliance.UnpaidDues::memberId).containsExactly("m1", "m3");
        assertThat(c.unpaidDues().get(0).months()).containsExactly("2026-07");
        assertThat(c.unpaidDues().get(1).months()).containsExactly("2026-02");
        assertThat(c.compliant()).isFalse();
        Compliance.RequirementStatus committee = c.requirements().stream()
                .filter(r -> r.meetingType() == MeetingType.BRANCH_COMMITTEE).findFirst().orElseThrow();
        assertThat(committee.periodsDue()).isEqualTo(7);
        assertThat(committee.periodsMet()).isEqualTo(5);
    }

    @Test
    void theDayBeforeTheDeadlineTheMonthIsNotYetDue() {
        Compliance c = evaluator.evaluate(ComplianceEvaluator.DEFAULT_POLICY, 2026, LocalDate.of(2026, 8, 9),
                fixtureMeetings(), Map.of(), Map.of(), List.of());
        assertThat(c.monthsWithout().get(MeetingType.BRANCH_COMMITTEE)).containsExactly(3);
    }

    @Test
    void afterYearEndEverythingIsDueIncludingYearlyItemsAndTalks() {
        Compliance c = evaluator.evaluate(ComplianceEvaluator.DEFAULT_POLICY, 2026, LocalDate.of(2027, 1, 15),
                fixtureMeetings(), Map.of(), Map.of("m1", 1), ROSTER);
        assertThat(c.quartersWithout().get(MeetingType.BRANCH_MEMBER_ASSEMBLY)).containsExactly(2, 3);
        assertThat(c.quartersWithout().get(MeetingType.PARTY_LECTURE)).containsExactly(4);
        assertThat(c.yearlyMissing()).containsExactly(MeetingType.ORGANIZATIONAL_LIFE, MeetingType.DEMOCRATIC_APPRAISAL);
        assertThat(c.missingTalks()).extracting(Compliance.MissingTalk::memberId).containsExactly("m2");
        assertThat(c.unpaidDues().get(0).months()).hasSize(12);
    }

    @Test
    void aStricterPolicyAndItsDeadlineDayApply() {
        Policy strict = new Policy(List.of(new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 2)), 5,
                4, false, 0);
        Compliance c = evaluator.evaluate(strict, 2026, LocalDate.of(2026, 2, 5), fixtureMeetings(), Map.of(),
                Map.of(), ROSTER);
        assertThat(c.gaps()).singleElement().satisfies(g -> {
            assertThat(g.period()).isEqualTo("2026-01");
            assertThat(g.required()).isEqualTo(2);
            assertThat(g.held()).isEqualTo(1);
            assertThat(g.deadline()).isEqualTo(LocalDate.of(2026, 2, 5));
        });
        assertThat(c.unpaidDues()).isEmpty();
    }
}
