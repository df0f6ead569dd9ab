package org.dangjian.notification.delivery;

/** Where one delivery (one channel, one target) of a notification stands. */
public enum DeliveryStatus {
    /** Stored, waiting for the dispatcher. */
    PENDING,
    /** Claimed by a dispatcher until its lease runs out (then any instance may claim it again). */
    IN_FLIGHT,
    DELIVERED,
    /** Retries exhausted or breaker open: kept for people to look at and re-queue, never dropped. */
    PARKED,
    /** The notification was closed before it went out. */
    CANCELLED
}
