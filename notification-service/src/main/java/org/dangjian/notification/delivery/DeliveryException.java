package org.dangjian.notification.delivery;

/** A delivery attempt failed (non-2xx answer, unreachable endpoint, mail not configured). */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
