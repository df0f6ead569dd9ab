package org.dangjian.notification.inbox;

import java.time.Instant;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.chase.NotificationStatus;
import org.dangjian.notification.ledger.ItemKind;
import org.dangjian.notification.ledger.Stage;

/** A notification as the API shows it. {@code orgId} is the recipient; {@code subjectOrgId} owes the item. */
public record NotificationView(String id, String orgId, String subjectOrgId, ItemKind kind, MeetingType meetingType, Stage stage,
        NotificationStatus status, String title, String text, String deadline, String period, String memberId,
        String reference, String asOf, Instant createdAt, Instant acknowledgedAt, Instant closedAt) {

    public static NotificationView of(NotificationDoc d) {
        return new NotificationView(d.id(), d.recipientOrgId(), d.subjectOrgId(), d.kind(), d.meetingType(), d.stage(), d.status(),
                d.title(), d.text(), d.deadline(), d.period(), d.memberId(), d.reference(), d.asOf(), d.createdAt(),
                d.acknowledgedAt(), d.closedAt());
    }
}
