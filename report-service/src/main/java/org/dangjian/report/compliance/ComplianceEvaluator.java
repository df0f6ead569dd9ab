package org.dangjian.report.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;

/**
 * Due-by rules (Asia/Shanghai dates): a month's item is due by the policy's deadline day of the next month
 * (seed 002: "每月10号前完成当月组织生活"), a quarter's by that day of the month after the quarter, a year's by
 * 31 December. A period counts as due once its deadline is on or before {@code asOf}. Dues follow the monthly
 * rule; talks are yearly. Meetings count in the month they were held.
 */
public final class ComplianceEvaluator {

    /** The branch work regulations' defaults, for an org whose policy report-service has not seen. */
    public static final Policy DEFAULT_POLICY = new Policy(List.of(
            new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY, Frequency.QUARTERLY, 1),
            new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1),
            new Requirement(MeetingType.PARTY_LECTURE, Frequency.QUARTERLY, 1),
            new Requirement(MeetingType.THEME_PARTY_DAY, Frequency.MONTHLY, 1),
            new Requirement(MeetingType.ORGANIZATIONAL_LIFE, Frequency.YEARLY, 1),
            new Requirement(MeetingType.DEMOCRATIC_APPRAISAL, Frequency.YEARLY, 1)), 10, null, true, 1);

    /**
     * @param meetingsByMonth per meeting type, meetings held per month (index 1..12)
     * @param paidMonths      per member id, the months (1..12) of this year marked paid
     * @param talksByMember   per member id, talks held with them this year
     */
    public Compliance evaluate(Policy policy, int year, LocalDate asOf, Map<MeetingType, int[]> meetingsByMonth,
            Map<String, Set<Integer>> paidMonths, Map<String, Integer> talksByMember, List<RosterMember> roster) {
        Policy p = policy == null ? DEFAULT_POLICY : policy;
        int deadlineDay = p.deadlineDay() <= 0 ? 10 : p.deadlineDay();
        List<Compliance.RequirementStatus> statuses = new ArrayList<>();
        List<Compliance.Gap> gaps = new ArrayList<>();
        Map<MeetingType, List<Integer>> monthsWithout = new EnumMap<>(MeetingType.class);
        Map<MeetingType, List<Integer>> quartersWithout = new EnumMap<>(MeetingType.class);
        List<MeetingType> yearlyMissing = new ArrayList<>();
        for (Requirement r : p.requirements() == null ? List.<Requirement>of() : p.requirements()) {
            int[] byMonth = meetingsByMonth.getOrDefault(r.meetingType(), new int[13]);
            int due = 0;
            int met = 0;
            switch (r.frequency()) {
                case MONTHLY -> {
                    for (int m = 1; m <= 12; m++) {
                        LocalDate deadline = monthDeadline(YearMonth.of(year, m), deadlineDay);
                        if (deadline.isAfter(asOf)) {
                            break;
                        }
                        due++;
                        if (byMonth[m] >= r.minimum()) {
                            met++;
                        } else {
                            monthsWithout.computeIfAbsent(r.meetingType(), k -> new ArrayList<>()).add(m);
                            gaps.add(new Compliance.Gap(r.meetingType(), r.meetingType().label(), r.frequency(),
                                    YearMonth.of(year, m).toString(), r.minimum(), byMonth[m], deadline));
                        }
                    }
                }
                case QUARTERLY -> {
                    for (int q = 1; q <= 4; q++) {
                        LocalDate deadline = monthDeadline(YearMonth.of(year, q * 3), deadlineDay);
                        if (deadline.isAfter(asOf)) {
                            break;
                        }
                        due++;
                        int held = byMonth[q * 3 - 2] + byMonth[q * 3 - 1] + byMonth[q * 3];
                        if (held >= r.minimum()) {
                            met++;
                        } else {
                            quartersWithout.computeIfAbsent(r.meetingType(), k -> new ArrayList<>()).add(q);
                            gaps.add(new Compliance.Gap(r.meetingType(), r.meetingType().label(), r.frequency(),
                                    year + "-Q" + q, r.minimum(), held, deadline));
                        }
                    }
                }
                case YEARLY -> {
                    LocalDate deadline = LocalDate.of(year, 12, 31);
                    if (!deadline.isAfter(asOf)) {
                        due = 1;
                        int held = 0;
                        for (int m = 1; m <= 12; m++) {
                            held += byMonth[m];
                        }
                        if (held >= r.minimum()) {
                            met = 1;
                        } else {
                            yearlyMissing.add(r.meetingType());
                            gaps.add(new Compliance.Gap(r.meetingType(), r.meetingType().label(), r.frequency(),
                                    String.valueOf(year), r.minimum(), held, deadline));
                        }
                    }
                }
            }
            statuses.add(new Compliance.RequirementStatus(r.meetingType(), r.meetingType().label(), r.frequency(),
                    r.minimum(), due, met));
        }
        List<Compliance.UnpaidDues> unpaid = new ArrayList<>();
        if (p.monthlyDues()) {
            for (RosterMember member : roster) {
                List<String> owed = new ArrayList<>();
                Set<Integer> paid = paidMonths.getOrDefault(member.memberId(), Set.of());
                for (int m = 1; m <= 12; m++) {
                    YearMonth ym = YearMonth.of(year, m);
                    if (monthDeadline(ym, deadlineDay).isAfter(asOf)) {
                        break;
                    }
                    if (member.owesDues(ym) && !paid.contains(m)) {
                        owed.add(ym.toString());
                    }
                }
                if (!owed.isEmpty()) {
                    unpaid.add(new Compliance.UnpaidDues(member.memberId(), member.name(), owed));
                }
            }
        }
        List<Compliance.MissingTalk> missingTalks = new ArrayList<>();
        if (p.talksPerMember() > 0 && !LocalDate.of(year, 12, 31).isAfter(asOf)) {
            for (RosterMember member : roster) {
                if (member.owesDues(YearMonth.of(year, 12))) {
                    int held = talksByMember.getOrDefault(member.memberId(), 0);
                    if (held < p.talksPerMember()) {
                        missingTalks.add(new Compliance.MissingTalk(member.memberId(), member.name(), held,
                                p.talksPerMember()));
                    }
                }
            }
        }
        boolean compliant = gaps.isEmpty() && unpaid.isEmpty() && missingTalks.isEmpty();
        return new Compliance(asOf, compliant, statuses, gaps, monthsWithout, quartersWithout, yearlyMissing, unpaid,
                missingTalks);
    }

    /** The deadline of a month's organisational life: {@code deadlineDay} of the next month (clamped to its length). */
    public static LocalDate monthDeadline(YearMonth month, int deadlineDay) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(deadlineDay, next.lengthOfMonth()));
    }
}
