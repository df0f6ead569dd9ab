package org.dangjian.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.LecturerRole;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.report.Fixtures;
import org.junit.jupiter.api.Test;

class ActivityFoldTest {

    private final ActivityFold fold = Fixtures.fold();

    @Test
    void meetingCountsPerTypeMonthAttendanceAndLecturer() {
        ActivityEvent e = Fixtures.event("b1", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                Map.of("meetingType", "PARTY_LECTURE", "attendees", 8, "expected", 10, "topic", "党史",
                        "lecturer", Map.of("name", "李书记", "role", "SECRETARY")));
        FoldResult r = fold.fold(e);
        assertThat(r.counters()).hasSize(1);
        Map<String, Long> inc = r.counters().get(0).inc();
        assertThat(r.counters().get(0).year()).isEqualTo(2026);
        assertThat(inc).containsEntry(Counters.EVENTS, 1L)
                .containsEntry(Counters.meeting(MeetingType.PARTY_LECTURE, "count"), 1L)
                .containsEntry(Counters.meeting(MeetingType.PARTY_LECTURE, "attendees"), 8L)
                .containsEntry(Counters.meeting(MeetingType.PARTY_LECTURE, "expected"), 10L)
                .containsEntry(Counters.meetingMonth(MeetingType.PARTY_LECTURE, 3), 1L)
                .containsEntry(Counters.lecturer(LecturerRole.SECRETARY), 1L)
                .containsEntry(Counters.activity(ActivityType.MEETING_HELD), 1L);
    }

    @Test
    void shanghaiDecidesYearAndMonth() {
        FoldResult r = fold.fold(Fixtures.meeting("b1", "THEME_PARTY_DAY", "2025-12-31T16:30:00Z"));
        assertThat(r.counters().get(0).year()).isEqualTo(2026);
        assertThat(r.counters().get(0).inc()).containsKey(Counters.meetingMonth(MeetingType.THEME_PARTY_DAY, 1));
    }

    @Test
    void prepaymentSpillingIntoNextYearCountsMoneyWhenPaidAndMonthsWhereTheyBelong() {
        FoldResult r = fold.fold(Fixtures.event("b1", ActivityType.DUES_PAID, "2026-11-20T09:00:00+08:00",
                Map.of("memberId", "m.1", "period", "2026-11", "months", 4, "amountFen", 4000)));
        assertThat(r.counters()).hasSize(2);
        CounterDelta y2026 = r.counters().get(0);
        CounterDelta y2027 = r.counters().get(1);
        assertThat(y2026.year()).isEqualTo(2026);
        assertThat(y2026.inc()).containsEntry(Counters.DUES_FEN, 4000L)
                .containsEntry("dues.paid.m_1.11", 1L).containsEntry("dues.paid.m_1.12", 1L);
        assertThat(y2027.year()).isEqualTo(2027);
        assertThat(y2027.inc()).containsOnlyKeys("dues.paid.m_1.1", "dues.paid.m_1.2");
    }

    @Test
    void voidIsTheNegatedFoldAndClaimsTheVoidedId() {
        ActivityEvent e = Fixtures.event("b1", ActivityType.CARE_VISIT, "2026-02-01T09:00:00+08:00",
                Map.of("persons", 5, "note", "慰问"));
        FoldResult plus = fold.fold(e);
        FoldResult minus = fold.fold(Fixtures.voiding(e));
        Map<String, Long> sum = new HashMap<>(plus.counters().get(0).inc());
        minus.counters().get(0).inc().forEach((k, v) -> sum.merge(k, v, Long::sum));
        sum.remove(Counters.VOIDS);
        assertThat(sum.values()).allMatch(v -> v == 0L);
        assertThat(minus.dedupKeys()).containsExactly("voided:" + e.eventId());
    }

    @Test
    void memberEventsMoveCountersAndRoster() {
        FoldResult admitted = fold.fold(Fixtures.event("b1", ActivityType.MEMBER_ADMITTED,
                "2026-04-01T09:00:00+08:00", Map.of("memberId", "m9")));
        assertThat(admitted.counters().get(0).inc()).containsEntry(Counters.membership("admitted"), 1L);
        assertThat(admitted.roster().get(0).set()).containsEntry("members.m9.stage", "PROBATIONARY")
                .containsEntry("members.m9.partySince", "2026-04");
        FoldResult out = fold.fold(Fixtures.event("b1", ActivityType.MEMBER_TRANSFERRED_OUT,
                "2026-05-01T09:00:00+08:00", Map.of("memberId", "m9", "fromOrgId", "b1", "toOrgId", "b2")));
        assertThat(out.roster().get(0).set()).containsEntry("members.m9.left", "2026-05");
        FoldResult talk = fold.fold(Fixtures.event("b1", ActivityType.TALK_HELD, "2026-05-01T09:00:00+08:00",
                Map.of("memberIds", java.util.List.of("m1", "m2"), "topic", "谈心")));
        assertThat(talk.counters().get(0).inc()).containsEntry(Counters.TALKS, 1L)
                .containsEntry(Counters.TALK_PERSONS, 2L).containsEntry(Counters.talkWith("m2"), 1L);
    }
}
