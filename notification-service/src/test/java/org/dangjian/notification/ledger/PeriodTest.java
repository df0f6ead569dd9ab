package org.dangjian.notification.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.dangjian.contracts.org.Frequency;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aMonthIsDueByTheDeadlineDayOfTheFollowingMonth() {
        Period march = Period.containing(Frequency.MONTHLY, LocalDate.of(2026, 3, 17));
        assertThat(march.key()).isEqualTo("2026-03");
        assertThat(march.label()).isEqualTo("2026年3月");
        assertThat(march.deadline(10)).isEqualTo(LocalDate.of(2026, 4, 10));
        Period december = Period.containing(Frequency.MONTHLY, LocalDate.of(2026, 12, 1));
        assertThat(december.deadline(10)).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(december.next().key()).isEqualTo("2027-01");
    }

    @Test
    void deadlineDayBeyondTheMonthIsClamped() {
        Period january = Period.containing(Frequency.MONTHLY, LocalDate.of(2026, 1, 5));
        assertThat(january.deadline(31)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void quartersAndYears() {
        Period q1 = Period.containing(Frequency.QUARTERLY, LocalDate.of(2026, 2, 1));
        assertThat(q1.key()).isEqualTo("2026-Q1");
        assertThat(q1.label()).isEqualTo("2026年第一季度");
        assertThat(q1.deadline(10)).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(q1.contains(YearMonth.of(2026, 3))).isTrue();
        assertThat(q1.contains(YearMonth.of(2026, 4))).isFalse();
        Period q4 = Period.containing(Frequency.QUARTERLY, LocalDate.of(2026, 11, 1));
        assertThat(q4.deadline(10)).isEqualTo(LocalDate.of(2027, 1, 10));
        Period year = Period.containing(Frequency.YEARLY, LocalDate.of(2026, 6, 1));
        assertThat(year.label()).isEqualTo("2026年度");
        assertThat(year.deadline(10)).isEqualTo(LocalDate.of(2027, 1, 10));
        for (Period p : new Period[] {q1, q4, year, q1.next()}) {
            assertThat(Period.parse(p.key())).isEqualTo(p);
        }
    }

    @Test
    void firstWholePeriodAfterADay() {
        assertThat(Period.firstStartingOnOrAfter(Frequency.MONTHLY, LocalDate.of(2026, 3, 15)).key())
                .isEqualTo("2026-04");
        assertThat(Period.firstStartingOnOrAfter(Frequency.QUARTERLY, LocalDate.of(2026, 4, 1)).key())
                .isEqualTo("2026-Q2");
        assertThat(Period.firstStartingOnOrAfter(Frequency.YEARLY, LocalDate.of(2026, 1, 2)).key()).isEqualTo("2027");
    }
}
