package org.dangjian.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where an organisation wants its notifications delivered besides the inbox. */
@Document("settings")
public record SettingsDoc(@Id String orgId, String webhookUrl, List<String> emails, Instant updatedAt) {
}
