package org.dangjian.notification.delivery;

/** How a notification leaves the inbox. */
public enum Channel {
    WEBHOOK,
    EMAIL
}
