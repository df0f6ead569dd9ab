package org.dangjian.contracts.activity;

import java.time.LocalDate;

/**
 * {@code MEMBER_REGISTERED}: import of an existing person into the roster at a given stage.
 *
 * @param since the date the person reached {@code stage} (for PROBATIONARY: the admission date)
 */
public record MemberRegistered(String memberId, String name, MemberStage stage, LocalDate since)
        implements MemberEvent {
}
