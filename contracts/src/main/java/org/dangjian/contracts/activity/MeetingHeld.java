package org.dangjian.contracts.activity;

/**
 * {@code MEETING_HELD}.
 *
 * @param attendees members present
 * @param expected  members who should have been present
 * @param lecturer  who lectured, for lectures; may be null
 */
public record MeetingHeld(MeetingType meetingType, int attendees, int expected, String topic, Lecturer lecturer)
        implements ActivityPayload {

    public record Lecturer(String name, LecturerRole role) {
    }
}
