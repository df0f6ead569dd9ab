package org.dangjian.report.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.LecturerRole;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.report.compliance.Compliance;
import org.dangjian.report.compliance.ComplianceEvaluator;
import org.dangjian.report.compliance.RosterMember;
import org.dangjian.report.projection.Counters;
import org.dangjian.report.projection.Keys;

/** Builds the report from stored counters: plain Java, no I/O. */
public final class ReportBuilder {

    private final ComplianceEvaluator compliance = new ComplianceEvaluator();

    public Report orgReport(String orgId, OrgState org, int year, OffsetDateTime asOf, YearData data) {
        Compliance c = compliance(org, year, asOf.toLocalDate(), data);
        return build(orgId, org, year, "org", asOf, data.counters(), data.roster(), membersPaid(data.counters()), c,
                null);
    }

    public Compliance compliance(OrgState org, int year, LocalDate asOf, YearData data) {
        Map<String, Set<Integer>> paid = new HashMap<>();
        membersPaid(data.counters()).forEach((k, v) -> paid.put(k, new TreeSet<>(v)));
        Map<String, Integer> talks = new HashMap<>();
        data.counters().forEach((k, v) -> {
            if (k.startsWith(Counters.TALK_WITH_PREFIX) && v > 0) {
                talks.put(k.substring(Counters.TALK_WITH_PREFIX.length()), v.intValue());
            }
        });
        List<RosterMember> roster = data.roster().stream()
                .map(m -> new RosterMember(Keys.safe(m.memberId()), m.name(), m.stage(), m.partySince(), m.left(),
                        m.removed()))
                .toList();
        return compliance.evaluate(org == null ? null : org.policy(), year, asOf, meetingsByMonth(data.counters()),
                paid, talks, roster);
    }

    public Report subtreeReport(String orgId, OrgState org, int year, OffsetDateTime asOf,
            Map<String, Long> totals, List<RosterMember> roster, List<Report.Child> children) {
        return build(orgId, org, year, "subtree", asOf, totals, roster, null, null, children);
    }

    public Report.Child child(String orgId, String name, Map<String, Long> c, List<RosterMember> roster) {
        Map<String, Long> meetings = new LinkedHashMap<>();
        for (MeetingType t : MeetingType.values()) {
            meetings.put(t.name(), c.getOrDefault(Counters.meeting(t, "count"), 0L));
        }
        Map<String, Long> activities = new LinkedHashMap<>();
        for (ActivityType t : ActivityType.values()) {
            if (t != ActivityType.ACTIVITY_VOIDED) {
                activities.put(t.name(), c.getOrDefault(Counters.activity(t), 0L));
            }
        }
        long fen = c.getOrDefault(Counters.DUES_FEN, 0L);
        return new Report.Child(orgId, name, c.getOrDefault(Counters.EVENTS, 0L), meetings, activities, fen,
                Money.yuan(fen), c.getOrDefault(Counters.membership("admitted"), 0L),
                c.getOrDefault(Counters.membership("confirmed"), 0L),
                c.getOrDefault(Counters.CARE_PERSON_TIMES, 0L), partyMembers(roster));
    }

    /** Adds counters into a running total. */
    public static void addInto(Map<String, Long> total, Map<String, Long> add) {
        add.forEach((k, v) -> total.merge(k, v, Long::sum));
    }

    private Report build(String orgId, OrgState org, int year, String scope, OffsetDateTime asOf,
            Map<String, Long> c, List<RosterMember> roster, Map<String, List<Integer>> members, Compliance comp,
            List<Report.Child> children) {
        Map<String, Report.MeetingStats> meetings = new LinkedHashMap<>();
        for (MeetingType t : MeetingType.values()) {
            Map<String, Long> byMonth = new LinkedHashMap<>();
            for (int m = 1; m <= 12; m++) {
                byMonth.put(String.valueOf(m), c.getOrDefault(Counters.meetingMonth(t, m), 0L));
            }
            meetings.put(t.name(), new Report.MeetingStats(c.getOrDefault(Counters.meeting(t, "count"), 0L),
                    c.getOrDefault(Counters.meeting(t, "attendees"), 0L),
                    c.getOrDefault(Counters.meeting(t, "expected"), 0L), byMonth));
        }
        Map<String, Long> activities = new LinkedHashMap<>();
        Map<String, Map<String, Long>> activitiesByMonth = new LinkedHashMap<>();
        for (ActivityType t : ActivityType.values()) {
            if (t == ActivityType.ACTIVITY_VOIDED) {
                continue;
            }
            activities.put(t.name(), c.getOrDefault(Counters.activity(t), 0L));
            Map<String, Long> byMonth = new LinkedHashMap<>();
            for (int m = 1; m <= 12; m++) {
                long n = c.getOrDefault(Counters.activityMonth(t, m), 0L);
                if (n != 0) {
                    byMonth.put(String.valueOf(m), n);
                }
            }
            if (!byMonth.isEmpty()) {
                activitiesByMonth.put(t.name(), byMonth);
            }
        }
        Map<String, Long> lecturers = new LinkedHashMap<>();
        for (LecturerRole r : LecturerRole.values()) {
            lecturers.put(r.name(), c.getOrDefault(Counters.lecturer(r), 0L));
        }
        long fen = c.getOrDefault(Counters.DUES_FEN, 0L);
        Report.Dues dues = new Report.Dues(fen, Money.yuan(fen), c.getOrDefault(Counters.DUES_PAYMENTS, 0L), members);
        Map<String, Long> pipeline = new LinkedHashMap<>();
        for (MemberStage s : MemberStage.values()) {
            pipeline.put(s.name(), 0L);
        }
        for (RosterMember m : roster) {
            if (current(m)) {
                pipeline.merge(m.stage().name(), 1L, Long::sum);
            }
        }
        Report.Membership membership = new Report.Membership(mv(c, "registered"), mv(c, "applications"),
                mv(c, "activists"), mv(c, "developmentTargets"), mv(c, "admitted"), mv(c, "confirmed"),
                mv(c, "extended"), mv(c, "transferredIn"), mv(c, "transferredOut"), pipeline, partyMembers(roster));
        return new Report(orgId, org == null ? null : org.name(), org == null || org.type() == null ? null
                : org.type().name(), year, scope, asOf, c.getOrDefault(Counters.EVENTS, 0L), meetings, activities,
                activitiesByMonth, lecturers, dues, membership,
                new Report.Talks(c.getOrDefault(Counters.TALKS, 0L), c.getOrDefault(Counters.TALK_PERSONS, 0L)),
                new Report.Care(c.getOrDefault(Counters.CARE_VISITS, 0L), c.getOrDefault(Counters.CARE_PERSON_TIMES, 0L)),
                new Report.Volunteer(c.getOrDefault(Counters.VOLUNTEER, 0L),
                        c.getOrDefault(Counters.VOLUNTEER_PARTICIPANTS, 0L)),
                comp, children);
    }

    private static boolean current(RosterMember m) {
        return !m.removed() && m.left() == null && m.stage() != null;
    }

    private static long partyMembers(List<RosterMember> roster) {
        return roster.stream().filter(m -> current(m) && m.stage().isPartyMember()).count();
    }

    private static long mv(Map<String, Long> c, String movement) {
        return c.getOrDefault(Counters.membership(movement), 0L);
    }

    /** Per member (safe id), the months of this year with a payment counted. */
    static Map<String, List<Integer>> membersPaid(Map<String, Long> c) {
        Map<String, List<Integer>> out = new TreeMap<>();
        c.forEach((k, v) -> {
            if (k.startsWith(Counters.DUES_PAID_PREFIX) && v > 0) {
                String rest = k.substring(Counters.DUES_PAID_PREFIX.length());
                int dot = rest.lastIndexOf('.');
                out.computeIfAbsent(rest.substring(0, dot), x -> new ArrayList<>())
                        .add(Integer.parseInt(rest.substring(dot + 1)));
            }
        });
        out.values().forEach(Collections::sort);
        return out;
    }

    static Map<MeetingType, int[]> meetingsByMonth(Map<String, Long> c) {
        Map<MeetingType, int[]> out = new EnumMap<>(MeetingType.class);
        for (MeetingType t : MeetingType.values()) {
            int[] months = new int[13];
            for (int m = 1; m <= 12; m++) {
                months[m] = c.getOrDefault(Counters.meetingMonth(t, m), 0L).intValue();
            }
            out.put(t, months);
        }
        return out;
    }
}
