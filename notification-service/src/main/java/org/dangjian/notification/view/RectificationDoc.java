package org.dangjian.notification.view;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rectification item as the latest review event (by occurredAt) left it. */
@Document("rectifications")
public record RectificationDoc(@Id String id, @Indexed String orgId, String committeeOrgId, String problem,
        String measure, String deadline, String status, Instant updatedAt, String lastEventId) {
}
