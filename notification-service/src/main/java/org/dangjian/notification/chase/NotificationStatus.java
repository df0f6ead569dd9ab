package org.dangjian.notification.chase;

/** Where a notification stands in the inbox. */
public enum NotificationStatus {
    OPEN,
    ACKNOWLEDGED,
    /** What it asked for has arrived (or is no longer owed). */
    CLOSED
}
