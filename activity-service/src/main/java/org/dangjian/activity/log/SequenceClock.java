package org.dangjian.activity.log;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Strictly increasing storage sequence: microseconds since the epoch, bumped when two events share one. Several
 * instances interleave by time, which is what "in order per organisation" can mean for concurrent posts anyway.
 */
@Component
public class SequenceClock {

    private final AtomicLong last = new AtomicLong();

    public long next() {
        long now = System.currentTimeMillis() * 1000;
        return last.updateAndGet(prev -> Math.max(prev + 1, now));
    }
}
