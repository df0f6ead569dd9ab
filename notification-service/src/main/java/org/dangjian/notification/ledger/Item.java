package org.dangjian.notification.ledger;

import java.time.LocalDate;
import org.dangjian.contracts.activity.MeetingType;

/**
 * One thing an organisation owes. It carries enough to decide later, without a date, whether it has been
 * settled ({@link Ledger#isSettled}).
 *
 * @param subjectOrgId the organisation that owes it
 * @param meetingType  MEETING only
 * @param period       MEETING: the period key ({@code 2026-03}); DUES: the first unpaid month ({@code 2026-01})
 * @param minimum      MEETING: how many meetings the period needs
 * @param memberId     DUES, PROBATION, ACTIVIST
 * @param reference    RECTIFICATION: the rectification id
 * @param deadline     the day it is due (inclusive); DUES: the last day before the sixth unpaid month ends
 * @param since        ACTIVIST: the day the person became an activist
 */
public record Item(ItemKind kind, String subjectOrgId, MeetingType meetingType, String period, int minimum,
        String memberId, String memberName, String reference, LocalDate deadline, LocalDate since) {

    public static Item meeting(String orgId, MeetingType type, Period period, int minimum, LocalDate deadline) {
        return new Item(ItemKind.MEETING, orgId, type, period.key(), minimum, null, null, null, deadline, null);
    }

    /** The item's identity, stable across checks: the idempotency key of its notifications. */
    public String key() {
        return switch (kind) {
            case MEETING -> "meeting|" + subjectOrgId + "|" + meetingType + "|" + period;
            case DUES -> "dues|" + subjectOrgId + "|" + memberId + "|" + period;
            case PROBATION -> "probation|" + subjectOrgId + "|" + memberId + "|" + deadline;
            case ACTIVIST -> "activist|" + subjectOrgId + "|" + memberId + "|" + since;
            case RECTIFICATION -> "rectification|" + subjectOrgId + "|" + reference + "|" + deadline;
        };
    }
}
