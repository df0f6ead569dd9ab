package org.dangjian.notification.view;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityVoided;
import org.dangjian.contracts.activity.DuesPaid;
import org.dangjian.contracts.activity.MeetingHeld;
import org.dangjian.contracts.activity.MemberMilestone;
import org.dangjian.contracts.activity.MemberRegistered;
import org.dangjian.contracts.activity.MemberTransfer;
import org.dangjian.contracts.activity.ProbationExtended;
import org.dangjian.notification.ledger.LedgerEvent;
import tools.jackson.databind.json.JsonMapper;

/** Activity events to stored documents and back to ledger events. */
final class EventMapping {

    private EventMapping() {
    }

    static EventDoc toDoc(ActivityEvent e, JsonMapper json) {
        Map<String, Object> payload = e.payload() == null ? Map.of() : e.payload();
        var b = new Fields();
        switch (e.type()) {
            case MEETING_HELD -> b.meetingType = json.convertValue(payload, MeetingHeld.class).meetingType();
            case DUES_PAID -> {
                DuesPaid d = json.convertValue(payload, DuesPaid.class);
                b.memberId = d.memberId();
                b.duesPeriod = d.period();
                b.duesMonths = d.monthsCovered();
            }
            case MEMBER_REGISTERED -> {
                MemberRegistered m = json.convertValue(payload, MemberRegistered.class);
                b.memberId = m.memberId();
                b.name = m.name();
                b.stage = m.stage();
                b.since = m.since() == null ? null : m.since().toString();
            }
            case APPLICATION_RECEIVED, ACTIVIST_DESIGNATED, DEVELOPMENT_TARGET_DESIGNATED, MEMBER_ADMITTED,
                    MEMBER_CONFIRMED -> {
                MemberMilestone m = json.convertValue(payload, MemberMilestone.class);
                b.memberId = m.memberId();
                b.name = m.name();
            }
            case PROBATION_EXTENDED -> {
                ProbationExtended p = json.convertValue(payload, ProbationExtended.class);
                b.memberId = p.memberId();
                b.extensionMonths = p.months();
            }
            case MEMBER_TRANSFERRED_IN, MEMBER_TRANSFERRED_OUT -> {
                MemberTransfer t = json.convertValue(payload, MemberTransfer.class);
                b.memberId = t.memberId();
                b.name = t.name();
                b.stage = t.stage();
                b.since = t.since() == null ? null : t.since().toString();
                b.fromOrgId = t.fromOrgId();
                b.toOrgId = t.toOrgId();
            }
            case ACTIVITY_VOIDED -> b.voidedEventId = json.convertValue(payload, ActivityVoided.class).voidedEventId();
            default -> {
                // talks, visits, volunteer service: nothing is chased from them
            }
        }
        return new EventDoc(e.eventId(), e.orgId(), e.type(), e.occurredAt().toInstant(), e.recordedAt(),
                b.meetingType, b.memberId, b.name, b.stage, b.since, b.duesPeriod, b.duesMonths, b.extensionMonths,
                b.fromOrgId, b.toOrgId, b.voidedEventId);
    }

    static LedgerEvent toLedger(EventDoc d) {
        return new LedgerEvent(d.id(), d.orgId(), d.type(), d.occurredAt(), d.recordedAt(), d.meetingType(),
                d.memberId(), d.name(), d.stage(), d.since() == null ? null : LocalDate.parse(d.since()),
                d.duesPeriod() == null ? null : YearMonth.parse(d.duesPeriod()), d.duesMonths(), d.extensionMonths(),
                d.fromOrgId(), d.toOrgId(), d.voidedEventId());
    }

    private static final class Fields {
        org.dangjian.contracts.activity.MeetingType meetingType;
        String memberId;
        String name;
        org.dangjian.contracts.activity.MemberStage stage;
        String since;
        String duesPeriod;
        int duesMonths;
        int extensionMonths;
        String fromOrgId;
        String toOrgId;
        String voidedEventId;
    }
}
