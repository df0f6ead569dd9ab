package org.dangjian.report.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.dangjian.report.compliance.Compliance;

/**
 * The year-to-date report of one organisation (scope {@code org}) or of its whole subtree ({@code subtree},
 * with {@code children}: one entry per direct child, each totalling that child's own subtree).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String orgId, String orgName, String orgType, int year, String scope, OffsetDateTime asOf,
        long eventsApplied, Map<String, MeetingStats> meetings, Map<String, Long> activities,
        Map<String, Map<String, Long>> activitiesByMonth, Map<String, Long> lecturers, Dues dues,
        Membership membership, Talks talks, Care care, Volunteer volunteer, Compliance compliance,
        List<Child> children) {

    public record MeetingStats(long count, long attendees, long expected, Map<String, Long> byMonth) {
    }

    /**
     * @param members per member, the months of this year marked paid (org scope only: a roll-up gives totals)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dues(long totalFen, String totalYuan, long payments, Map<String, List<Integer>> members) {
    }

    /**
     * Movement this year, and the current roster by stage ({@code pipeline}) with {@code partyMembers} =
     * probationary + full.
     */
    public record Membership(long registered, long applications, long activists, long developmentTargets,
            long admitted, long confirmed, long extended, long transferredIn, long transferredOut,
            Map<String, Long> pipeline, long partyMembers) {
    }

    public record Talks(long count, long persons) {
    }

    public record Care(long visits, long personTimes) {
    }

    public record Volunteer(long count, long participants) {
    }

    /** One direct child's subtree totals. */
    public record Child(String orgId, String name, long eventsApplied, Map<String, Long> meetings,
            Map<String, Long> activities, long duesFen, String duesYuan, long admitted, long confirmed,
            long carePersonTimes, long partyMembers) {
    }
}
