package org.dangjian.review.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.dangjian.contracts.CloudEventHeaders;

/** Deadlines are calendar dates in China Standard Time: a deadline D lasts until the end of D in Beijing. */
public final class ChinaCalendar {

    public static final ZoneId CHINA = CloudEventHeaders.CHINA;

    private ChinaCalendar() {
    }

    public static LocalDate today(Instant now) {
        return now.atZone(CHINA).toLocalDate();
    }

    /** True once the whole of {@code deadline} (Beijing time) has gone by. */
    public static boolean isPast(LocalDate deadline, Instant now) {
        return today(now).isAfter(deadline);
    }
}
