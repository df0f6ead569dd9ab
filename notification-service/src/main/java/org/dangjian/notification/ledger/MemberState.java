package org.dangjian.notification.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.dangjian.contracts.activity.MemberStage;

/**
 * One person on the organisation's roster, folded from its member events.
 *
 * @param stageSince      the day the person reached {@code stage}
 * @param admittedOn      the day probation started (MEMBER_ADMITTED's occurredAt, or since of an import)
 * @param extensionMonths probation extension (PROBATION_EXTENDED)
 * @param duesFrom        the first month this organisation collects the member's dues (joined its roster as a
 *                        party member)
 * @param active          false once transferred out
 * @param paidMonths      months covered by dues payments (prepayments included), voids removed
 */
public record MemberState(String memberId, String name, MemberStage stage, LocalDate stageSince,
        LocalDate admittedOn, int extensionMonths, YearMonth duesFrom, boolean active, Set<YearMonth> paidMonths) {

    public boolean partyMember() {
        return active && stage != null && stage.isPartyMember();
    }

    /** The day the (possibly extended) probation year is up, or null when not probationary. */
    public LocalDate probationEnds() {
        if (stage != MemberStage.PROBATIONARY || admittedOn == null) {
            return null;
        }
        return admittedOn.plusYears(1).plusMonths(extensionMonths);
    }

    public String displayName() {
        return name == null || name.isBlank() ? memberId : name;
    }
}
