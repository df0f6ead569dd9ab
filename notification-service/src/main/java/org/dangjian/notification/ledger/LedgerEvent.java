package org.dangjian.notification.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;

/**
 * The part of an activity event that chasing needs, flattened.
 *
 * @param duesPeriod       DUES_PAID: first month paid for
 * @param duesMonths       DUES_PAID: months covered from {@code duesPeriod}
 * @param extensionMonths  PROBATION_EXTENDED
 * @param voidedEventId    ACTIVITY_VOIDED: the event it undoes
 */
public record LedgerEvent(String eventId, String orgId, ActivityType type, Instant occurredAt, Instant recordedAt,
        MeetingType meetingType, String memberId, String name, MemberStage stage, LocalDate since,
        YearMonth duesPeriod, int duesMonths, int extensionMonths, String fromOrgId, String toOrgId,
        String voidedEventId) {

    /** The Asia/Shanghai calendar day it happened on. */
    public LocalDate day() {
        return occurredAt.atZone(CloudEventHeaders.CHINA).toLocalDate();
    }

    public YearMonth month() {
        return YearMonth.from(day());
    }
}
