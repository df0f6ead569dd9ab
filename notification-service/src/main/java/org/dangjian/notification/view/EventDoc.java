package org.dangjian.notification.view;

import java.time.Instant;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One consumed activity event, reduced to what chasing needs. {@code _id} = eventId: stored at most once. */
@Document("events")
public record EventDoc(@Id String id, @Indexed String orgId, ActivityType type, Instant occurredAt,
        Instant recordedAt, MeetingType meetingType, String memberId, String name, MemberStage stage, String since,
        String duesPeriod, int duesMonths, int extensionMonths, String fromOrgId, String toOrgId,
        String voidedEventId) {
}
