package org.dangjian.activity.roster;

import java.time.LocalDate;
import org.dangjian.contracts.activity.MemberStage;

/**
 * One person on the roster.
 *
 * @param stageSince               the date the person reached {@code stage}
 * @param admittedOn               admission as probationary member (start of the probation year)
 * @param probationExtensionMonths set once when probation was extended
 * @param status                   ACTIVE in {@code orgId}, or TRANSFERRED_OUT of it (to {@code transferredTo})
 */
public record Member(String memberId, String name, String orgId, MemberStage stage, LocalDate stageSince,
        LocalDate birthDate, LocalDate admittedOn, Integer probationExtensionMonths, Status status,
        String transferredTo) {

    public enum Status {
        ACTIVE, TRANSFERRED_OUT
    }

    public boolean activeIn(String org) {
        return status == Status.ACTIVE && org.equals(orgId);
    }

    /** The first day the probationary member may be confirmed: admission + 1 year (+ the extension). */
    public LocalDate probationEnds() {
        if (admittedOn == null) {
            return null;
        }
        LocalDate end = admittedOn.plusYears(1);
        return probationExtensionMonths == null ? end : end.plusMonths(probationExtensionMonths);
    }

    Member withStage(MemberStage next, LocalDate since) {
        return new Member(memberId, name, orgId, next, since, birthDate, admittedOn, probationExtensionMonths,
                status, transferredTo);
    }
}
