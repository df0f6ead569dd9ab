package org.dangjian.contracts.activity;

import java.time.LocalDate;

/**
 * {@code APPLICATION_RECEIVED}, {@code ACTIVIST_DESIGNATED}, {@code DEVELOPMENT_TARGET_DESIGNATED},
 * {@code MEMBER_ADMITTED}, {@code MEMBER_CONFIRMED}: one step of the lifecycle. The step's date is the
 * event's {@code occurredAt}.
 *
 * @param name      the person's name; required for {@code APPLICATION_RECEIVED}, which creates the person
 * @param birthDate required for {@code APPLICATION_RECEIVED} (applicants must be 18 or older)
 */
public record MemberMilestone(String memberId, String name, LocalDate birthDate) implements MemberEvent {
}
