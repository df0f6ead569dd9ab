package org.dangjian.review.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ChinaCalendarTest {

    @Test
    void aDeadlineLastsUntilMidnightInBeijing() {
        LocalDate d = LocalDate.of(2027, 1, 15);
        assertThat(ChinaCalendar.isPast(d, Instant.parse("2027-01-15T15:59:59Z"))).isFalse();
        assertThat(ChinaCalendar.isPast(d, Instant.parse("2027-01-15T16:00:00Z"))).isTrue();
        assertThat(ChinaCalendar.today(Instant.parse("2025-12-31T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
    }
}
