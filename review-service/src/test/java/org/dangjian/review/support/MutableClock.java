package org.dangjian.review.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.dangjian.contracts.CloudEventHeaders;

/** A clock the tests move by hand. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-01-10T02:00:00Z"));

    public void set(Instant instant) {
        now.set(instant);
    }

    /** e.g. {@code "2027-01-16T00:30:00+08:00"}. */
    public void set(String offsetDateTime) {
        now.set(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return CloudEventHeaders.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
