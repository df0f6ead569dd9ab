package org.dangjian.notification.chase;

import java.time.Instant;
import java.util.List;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.notification.ledger.ItemKind;
import org.dangjian.notification.ledger.Stage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in an organisation's inbox. {@code _id} is derived from {@code key} (item + stage + recipient),
 * so inserting it twice is impossible: that is what makes a re-run check change nothing.
 *
 * @param recipientPath the recipient's ancestors and itself, for scope checks
 * @param planned       false until its deliveries (webhook, e-mail) have been put in the delivery queue
 */
@Document("notifications")
@CompoundIndexes({
    @CompoundIndex(name = "subject_status", def = "{'subjectOrgId': 1, 'status': 1}"),
    @CompoundIndex(name = "recipient_status", def = "{'recipientOrgId': 1, 'status': 1}")
})
public record NotificationDoc(@Id String id, String key, ItemKind kind, String subjectOrgId, MeetingType meetingType,
        String period, int minimum, String memberId, String memberName, String reference, String deadline,
        String since, Stage stage, String recipientOrgId, List<String> recipientPath, String title, String text,
        NotificationStatus status, String asOf, Instant createdAt, Instant acknowledgedAt, Instant closedAt,
        boolean planned) {
}
