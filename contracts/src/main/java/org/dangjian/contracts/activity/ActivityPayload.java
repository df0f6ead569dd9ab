package org.dangjian.contracts.activity;

/** Marker for the typed payload of one {@link ActivityType}. */
public sealed interface ActivityPayload
        permits MeetingHeld, DuesPaid, MemberEvent, TalkHeld, CareVisit, VolunteerService, ActivityVoided {
}
