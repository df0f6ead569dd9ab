package org.dangjian.notification.delivery;

import java.time.Instant;
import org.dangjian.notification.chase.NotificationDoc;

/** The JSON body of a webhook call. */
public record WebhookPayload(String notificationId, String deliveryId, String orgId, String subjectOrgId,
        String kind, String stage, String title, String text, String deadline, String period, String memberId,
        String reference, Instant createdAt) {

    static WebhookPayload of(NotificationDoc n, String deliveryId) {
        return new WebhookPayload(n.id(), deliveryId, n.recipientOrgId(), n.subjectOrgId(), String.valueOf(n.kind()),
                String.valueOf(n.stage()), n.title(), n.text(), n.deadline(), n.period(), n.memberId(), n.reference(),
                n.createdAt());
    }
}
