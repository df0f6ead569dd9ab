package org.dangjian.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One queued delivery. {@code _id} is derived from notification, channel and target, so planning twice queues once.
 *
 * @param target the webhook URL or the e-mail address
 */
@Document("deliveries")
public record DeliveryDoc(@Id String id, @Indexed String notificationId, Channel channel, String target,
        String recipientOrgId, List<String> recipientPath, @Indexed DeliveryStatus status, int attempts,
        String lastError, Instant createdAt, Instant updatedAt, Instant leaseUntil, Instant deliveredAt) {
}
