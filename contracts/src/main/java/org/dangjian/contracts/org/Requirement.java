package org.dangjian.contracts.org;

import org.dangjian.contracts.activity.MeetingType;

/** At least {@code minimum} meetings of {@code meetingType} in every period of {@code frequency}. */
public record Requirement(MeetingType meetingType, Frequency frequency, int minimum) {
}
