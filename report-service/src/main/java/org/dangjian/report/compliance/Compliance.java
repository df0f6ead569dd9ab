package org.dangjian.report.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;

/**
 * What was due by {@code asOf} under the organisation's policy and what was done.
 *
 * @param monthsWithout   per monthly meeting type, the months (1..12) that were due and fell short
 * @param quartersWithout per quarterly meeting type, the quarters (1..4) that were due and fell short
 * @param yearlyMissing   yearly meeting types due and not held often enough
 */
public record Compliance(LocalDate asOf, boolean compliant, List<RequirementStatus> requirements, List<Gap> gaps,
        Map<MeetingType, List<Integer>> monthsWithout, Map<MeetingType, List<Integer>> quartersWithout,
        List<MeetingType> yearlyMissing, List<UnpaidDues> unpaidDues, List<MissingTalk> missingTalks) {

    /** One requirement: how many of its periods were due by asOf and how many met the minimum. */
    public record RequirementStatus(MeetingType meetingType, String label, Frequency frequency, int minimum,
            int periodsDue, int periodsMet) {
    }

    /** A period that was due and fell short. {@code period} is "2026-03", "2026-Q1" or "2026". */
    public record Gap(MeetingType meetingType, String label, Frequency frequency, String period, int required,
            int held, LocalDate deadline) {
    }

    /** A member with months owed to this organisation, due by asOf, not paid. */
    public record UnpaidDues(String memberId, String name, List<String> months) {
    }

    /** A member still owed a heart-to-heart talk this year (due by year end). */
    public record MissingTalk(String memberId, String name, int held, int required) {
    }
}
