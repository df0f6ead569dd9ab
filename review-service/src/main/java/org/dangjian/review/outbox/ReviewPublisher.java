package org.dangjian.review.outbox;

import java.nio.charset.StandardCharsets;

import org.dangjian.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends one stored event to {@code dangjian.reviews.v1} (binding {@code reviews-out-0}, synchronous producer) as a
 * CloudEvent in Kafka binary mode, keyed by the reviewed organisation.
 */
@Component
public class ReviewPublisher {

    public static final String BINDING = "reviews-out-0";
    public static final String SOURCE = "/review-service";

    private static final Logger log = LoggerFactory.getLogger(ReviewPublisher.class);

    private final StreamBridge bridge;

    public ReviewPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    /** True once the broker has acknowledged the record. */
    public boolean send(OutboxEntry e) {
        MessageBuilder<byte[]> m = MessageBuilder.withPayload(e.json().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, e.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .setHeader(CloudEventHeaders.ID, e.eventId())
                .setHeader(CloudEventHeaders.TYPE, e.type())
                .setHeader(CloudEventHeaders.SOURCE, SOURCE)
                .setHeader(CloudEventHeaders.TIME, e.time().toString())
                .setHeader(CloudEventHeaders.SUBJECT, e.subject())
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (e.correlationId() != null) {
            m.setHeader(CloudEventHeaders.CORRELATION_ID, e.correlationId());
        }
        Message<byte[]> message = m.build();
        try {
            return bridge.send(BINDING, message);
        } catch (RuntimeException ex) {
            log.warn("Publishing {} ({}) failed, the relay will retry: {}", e.eventId(), e.type(), ex.toString());
            return false;
        }
    }
}
