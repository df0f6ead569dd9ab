package org.dangjian.report.messaging;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Keeps the live consumer out while a rebuild wipes and replays the projections in this instance (the live
 * consumer's guarded writes would otherwise land between the wipe and the replay).
 */
@Component
public class RebuildGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public ReentrantReadWriteLock.ReadLock live() {
        return lock.readLock();
    }

    public ReentrantReadWriteLock.WriteLock rebuild() {
        return lock.writeLock();
    }
}
