package org.dangjian.notification.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;

/** Builders for ledger tests. */
final class Fixtures {

    static final AtomicInteger IDS = new AtomicInteger();

    private Fixtures() {
    }

    static OrgInfo branch(LocalDate trackedFrom, Policy policy) {
        return new OrgInfo("b-001", "第一支部", OrgType.BRANCH, "c-001", policy, trackedFrom);
    }

    static Policy policy(int deadlineDay, Requirement... requirements) {
        return new Policy(List.of(requirements), deadlineDay, null, true, 1);
    }

    static Requirement monthly(MeetingType type) {
        return new Requirement(type, Frequency.MONTHLY, 1);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CloudEventHeaders.CHINA).toInstant();
    }

    static Instant day(String date) {
        return at(date + "T09:00:00");
    }

    static LedgerEvent meeting(MeetingType type, Instant when) {
        return new LedgerEvent("m-" + IDS.incrementAndGet(), "b-001", ActivityType.MEETING_HELD, when, when, type,
                null, null, null, null, null, 0, 0, null, null, null);
    }

    static LedgerEvent registered(String memberId, String name, MemberStage stage, String since, String on) {
        return new LedgerEvent("r-" + IDS.incrementAndGet(), "b-001", ActivityType.MEMBER_REGISTERED, day(on),
                day(on), null, memberId, name, stage, LocalDate.parse(since), null, 0, 0, null, null, null);
    }

    static LedgerEvent milestone(ActivityType type, String memberId, String on) {
        return new LedgerEvent("s-" + IDS.incrementAndGet(), "b-001", type, day(on), day(on), null, memberId, null,
                null, null, null, 0, 0, null, null, null);
    }

    static LedgerEvent extended(String memberId, int months, String on) {
        return new LedgerEvent("x-" + IDS.incrementAndGet(), "b-001", ActivityType.PROBATION_EXTENDED, day(on),
                day(on), null, memberId, null, null, null, null, 0, months, null, null, null);
    }

    static LedgerEvent dues(String memberId, String period, int months, String on) {
        return new LedgerEvent("d-" + IDS.incrementAndGet(), "b-001", ActivityType.DUES_PAID, day(on), day(on), null,
                memberId, null, null, null, YearMonth.parse(period), months, 0, null, null, null);
    }

    static LedgerEvent voiding(LedgerEvent voided, String on) {
        return new LedgerEvent("v-" + IDS.incrementAndGet(), "b-001", ActivityType.ACTIVITY_VOIDED, day(on), day(on),
                null, null, null, null, null, null, 0, 0, null, null, voided.eventId());
    }
}
