package org.dangjian.notification.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import org.dangjian.contracts.org.Frequency;

/**
 * One period of a {@link Frequency}: a month, a quarter or a calendar year (all Asia/Shanghai calendar dates).
 *
 * <p>Deadline rule (seed 002, "每月10号前完成当月组织生活", and {@code Policy.deadlineDay}): what a period owes is due
 * by the {@code deadlineDay}-th day of the month <em>following</em> the period's last month, that day included
 * (March's 支委会 by 10 April; Q1's 党员大会 by 10 April; 2026's 组织生活会 by 10 January 2027). The meeting itself
 * must have taken place inside the period (activities count where they happened); the days up to the deadline
 * are for holding it late in the month and recording it. A deadline day beyond the month's length is clamped.
 */
public record Period(Frequency frequency, int year, int index) implements Comparable<Period> {

    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    public static Period containing(Frequency frequency, LocalDate date) {
        return switch (frequency) {
            case MONTHLY -> new Period(frequency, date.getYear(), date.getMonthValue());
            case QUARTERLY -> new Period(frequency, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> new Period(frequency, date.getYear(), 1);
        };
    }

    /** The first period that starts on or after {@code date}. */
    public static Period firstStartingOnOrAfter(Frequency frequency, LocalDate date) {
        Period p = containing(frequency, date);
        return p.start().isBefore(date) ? p.next() : p;
    }

    public LocalDate start() {
        return switch (frequency) {
            case MONTHLY -> LocalDate.of(year, index, 1);
            case QUARTERLY -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEARLY -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate end() {
        return switch (frequency) {
            case MONTHLY -> YearMonth.of(year, index).atEndOfMonth();
            case QUARTERLY -> YearMonth.of(year, index * 3).atEndOfMonth();
            case YEARLY -> LocalDate.of(year, 12, 31);
        };
    }

    public boolean contains(YearMonth month) {
        return !month.atDay(1).isBefore(start()) && !month.atEndOfMonth().isAfter(end());
    }

    public Period next() {
        return switch (frequency) {
            case MONTHLY -> index == 12 ? new Period(frequency, year + 1, 1) : new Period(frequency, year, index + 1);
            case QUARTERLY -> index == 4 ? new Period(frequency, year + 1, 1) : new Period(frequency, year, index + 1);
            case YEARLY -> new Period(frequency, year + 1, 1);
        };
    }

    /** The last day (inclusive) by which this period's items are due. */
    public LocalDate deadline(int deadlineDay) {
        YearMonth following = YearMonth.from(end()).plusMonths(1);
        return following.atDay(Math.max(1, Math.min(deadlineDay, following.lengthOfMonth())));
    }

    /** Stable key: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. */
    public String key() {
        return switch (frequency) {
            case MONTHLY -> String.format("%d-%02d", year, index);
            case QUARTERLY -> year + "-Q" + index;
            case YEARLY -> Integer.toString(year);
        };
    }

    public static Period parse(String key) {
        if (key.contains("-Q")) {
            String[] parts = key.split("-Q");
            return new Period(Frequency.QUARTERLY, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        if (key.contains("-")) {
            YearMonth m = YearMonth.parse(key);
            return new Period(Frequency.MONTHLY, m.getYear(), m.getMonthValue());
        }
        return new Period(Frequency.YEARLY, Integer.parseInt(key), 1);
    }

    /** For people: 2026年3月, 2026年第一季度, 2026年度. */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> year + "年" + index + "月";
            case QUARTERLY -> year + "年第" + QUARTERS[index - 1] + "季度";
            case YEARLY -> year + "年度";
        };
    }

    @Override
    public int compareTo(Period other) {
        return start().compareTo(other.start());
    }
}
