package org.dangjian.contracts.activity;

/** {@code PROBATION_EXTENDED}: once per member, by 6 to 12 months. */
public record ProbationExtended(String memberId, int months) implements MemberEvent {
}
