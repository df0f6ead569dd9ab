package org.dangjian.review.outbox;

import java.time.Instant;

/**
 * An event stored with the change that caused it, inside the same document, until it is on Kafka. {@code json} is
 * the record value exactly as it will be published.
 */
public record OutboxEntry(String eventId, String key, String type, Instant time, String subject,
        String correlationId, String json) {
}
