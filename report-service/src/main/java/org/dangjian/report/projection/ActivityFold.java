package org.dangjian.report.projection;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityPayload;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.ActivityVoided;
import org.dangjian.contracts.activity.CareVisit;
import org.dangjian.contracts.activity.DuesPaid;
import org.dangjian.contracts.activity.MeetingHeld;
import org.dangjian.contracts.activity.MemberMilestone;
import org.dangjian.contracts.activity.MemberRegistered;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.activity.MemberTransfer;
import org.dangjian.contracts.activity.ProbationExtended;
import org.dangjian.contracts.activity.TalkHeld;
import org.dangjian.contracts.activity.VolunteerService;

/**
 * Folds one activity event into increments of the yearly projections and changes of the roster. Every yearly
 * number is a counter, so a void is the same fold negated and coalescing a poll is just adding maps.
 *
 * <p>Dues: the money counts in the year the payment happened ({@code occurredAt}, Asia/Shanghai) — that is the
 * year the branch collected it and reports "收缴党费…元" — while each month it pays for is marked paid in the year
 * that month belongs to (a December prepayment for January marks January of the next year).
 */
public final class ActivityFold {

    private final PayloadReader payloads;

    public ActivityFold(PayloadReader payloads) {
        this.payloads = payloads;
    }

    public FoldResult fold(ActivityEvent event) {
        if (event.type() == ActivityType.ACTIVITY_VOIDED) {
            ActivityVoided voided = (ActivityVoided) payloads.read(event);
            if (voided.voided() == null || voided.voided().type() == ActivityType.ACTIVITY_VOIDED) {
                return FoldResult.empty();
            }
            FoldResult original = foldOne(voided.voided());
            List<CounterDelta> negated = new ArrayList<>();
            for (CounterDelta d : original.counters()) {
                Map<String, Long> inc = new LinkedHashMap<>();
                d.inc().forEach((k, v) -> inc.put(k, -v));
                negated.add(new CounterDelta(d.orgId(), d.year(), inc));
            }
            if (!negated.isEmpty()) {
                CounterDelta first = negated.get(0);
                first.inc().merge(Counters.VOIDS, 1L, Long::sum);
            }
            List<RosterChange> roster = undoRoster(voided.voided());
            return new FoldResult(negated, roster, List.of("voided:" + voided.voided().eventId()));
        }
        return foldOne(event);
    }

    private FoldResult foldOne(ActivityEvent event) {
        ActivityPayload payload = payloads.read(event);
        int year = event.year();
        int month = event.yearMonth().getMonthValue();
        Map<String, Long> inc = new LinkedHashMap<>();
        List<CounterDelta> deltas = new ArrayList<>();
        List<RosterChange> roster = new ArrayList<>();
        inc.put(Counters.EVENTS, 1L);
        inc.put(Counters.activity(event.type()), 1L);
        inc.put(Counters.activityMonth(event.type(), month), 1L);
        deltas.add(new CounterDelta(event.orgId(), year, inc));
        if (payload instanceof MeetingHeld m) {
            if (m.meetingType() != null) {
                add(inc, Counters.meeting(m.meetingType(), "count"), 1);
                add(inc, Counters.meeting(m.meetingType(), "attendees"), m.attendees());
                add(inc, Counters.meeting(m.meetingType(), "expected"), m.expected());
                add(inc, Counters.meetingMonth(m.meetingType(), month), 1);
            }
            if (m.lecturer() != null && m.lecturer().role() != null) {
                add(inc, Counters.lecturer(m.lecturer().role()), 1);
            }
        } else if (payload instanceof DuesPaid d) {
            add(inc, Counters.DUES_FEN, d.amountFen());
            add(inc, Counters.DUES_PAYMENTS, 1);
            YearMonth first = YearMonth.parse(d.period());
            Map<Integer, Map<String, Long>> byYear = new LinkedHashMap<>();
            for (int i = 0; i < Math.max(1, d.monthsCovered()); i++) {
                YearMonth covered = first.plusMonths(i);
                Map<String, Long> target = covered.getYear() == year ? inc
                        : byYear.computeIfAbsent(covered.getYear(), y -> new LinkedHashMap<>());
                add(target, Counters.duesMonth(d.memberId(), covered.getMonthValue()), 1);
            }
            byYear.forEach((y, m) -> deltas.add(new CounterDelta(event.orgId(), y, m)));
        } else if (payload instanceof MemberRegistered r) {
            add(inc, Counters.membership("registered"), 1);
            String since = r.since() == null ? event.yearMonth().toString() : YearMonth.from(r.since()).toString();
            roster.add(member(event.orgId(), r.memberId(), r.name(), r.stage(),
                    r.stage() != null && r.stage().isPartyMember() ? since : null));
        } else if (payload instanceof MemberTransfer t) {
            boolean in = event.type() == ActivityType.MEMBER_TRANSFERRED_IN;
            add(inc, Counters.membership(in ? "transferredIn" : "transferredOut"), 1);
            if (in) {
                MemberStage stage = t.stage() == null ? MemberStage.FULL : t.stage();
                // Dues are owed to the receiving organisation from the month of the transfer.
                RosterChange c = member(event.orgId(), t.memberId(), t.name(), stage,
                        stage.isPartyMember() ? event.yearMonth().toString() : null);
                c.unset().add(path(t.memberId(), "left"));
                roster.add(c);
            } else {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put(path(t.memberId(), "left"), event.yearMonth().toString());
                roster.add(new RosterChange(event.orgId(), set, new HashSet<>()));
            }
        } else if (payload instanceof ProbationExtended) {
            add(inc, Counters.membership("extended"), 1);
        } else if (payload instanceof MemberMilestone m) {
            MemberStage stage = switch (event.type()) {
                case APPLICATION_RECEIVED -> MemberStage.APPLICANT;
                case ACTIVIST_DESIGNATED -> MemberStage.ACTIVIST;
                case DEVELOPMENT_TARGET_DESIGNATED -> MemberStage.DEVELOPMENT_TARGET;
                case MEMBER_ADMITTED -> MemberStage.PROBATIONARY;
                default -> MemberStage.FULL;
            };
            String movement = switch (event.type()) {
                case APPLICATION_RECEIVED -> "applications";
                case ACTIVIST_DESIGNATED -> "activists";
                case DEVELOPMENT_TARGET_DESIGNATED -> "developmentTargets";
                case MEMBER_ADMITTED -> "admitted";
                default -> "confirmed";
            };
            add(inc, Counters.membership(movement), 1);
            RosterChange c = member(event.orgId(), m.memberId(), m.name(), stage,
                    event.type() == ActivityType.MEMBER_ADMITTED ? event.yearMonth().toString() : null);
            roster.add(c);
        } else if (payload instanceof TalkHeld t) {
            add(inc, Counters.TALKS, 1);
            add(inc, Counters.TALK_PERSONS, t.memberIds() == null ? 0 : t.memberIds().size());
            if (t.memberIds() != null) {
                for (String memberId : t.memberIds()) {
                    add(inc, Counters.talkWith(memberId), 1);
                }
            }
        } else if (payload instanceof CareVisit c) {
            add(inc, Counters.CARE_VISITS, 1);
            add(inc, Counters.CARE_PERSON_TIMES, c.persons());
        } else if (payload instanceof VolunteerService v) {
            add(inc, Counters.VOLUNTEER, 1);
            add(inc, Counters.VOLUNTEER_PARTICIPANTS, v.participants());
        }
        return new FoldResult(deltas, roster, List.of());
    }

    /**
     * Roster effect of voiding an event. The roster is current state, not a counter, so only the voids that
     * can be undone without history are: a registration or transfer in (the person leaves this roster again)
     * and a transfer out (the person is back). A voided milestone leaves the stage as it is.
     */
    private List<RosterChange> undoRoster(ActivityEvent voided) {
        return switch (voided.type()) {
            case MEMBER_REGISTERED, MEMBER_TRANSFERRED_IN, APPLICATION_RECEIVED -> {
                String memberId = memberId(voided);
                yield memberId == null ? List.of()
                        : List.of(new RosterChange(voided.orgId(),
                                new LinkedHashMap<>(Map.of(path(memberId, "removed"), true)), new HashSet<>()));
            }
            case MEMBER_TRANSFERRED_OUT -> {
                String memberId = memberId(voided);
                yield memberId == null ? List.of()
                        : List.of(new RosterChange(voided.orgId(), new LinkedHashMap<>(),
                                new HashSet<>(Set.of(path(memberId, "left")))));
            }
            default -> List.of();
        };
    }

    private String memberId(ActivityEvent event) {
        ActivityPayload p = payloads.read(event);
        return p instanceof org.dangjian.contracts.activity.MemberEvent m ? m.memberId() : null;
    }

    private static RosterChange member(String orgId, String memberId, String name, MemberStage stage,
            String partySince) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(path(memberId, "id"), memberId);
        set.put(path(memberId, "removed"), false);
        if (name != null) {
            set.put(path(memberId, "name"), name);
        }
        if (stage != null) {
            set.put(path(memberId, "stage"), stage.name());
        }
        if (partySince != null) {
            set.put(path(memberId, "partySince"), partySince);
        }
        return new RosterChange(orgId, set, new HashSet<>());
    }

    static String path(String memberId, String field) {
        return "members." + Keys.safe(memberId) + "." + field;
    }

    private static void add(Map<String, Long> inc, String key, long by) {
        inc.merge(key, by, Long::sum);
    }
}
