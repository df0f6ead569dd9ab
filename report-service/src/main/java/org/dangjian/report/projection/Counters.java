package org.dangjian.report.projection;

import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.LecturerRole;
import org.dangjian.contracts.activity.MeetingType;

/** Names of the counters of a yearly projection document. Months are 1..12 (Asia/Shanghai). */
public final class Counters {

    /** Events counted in this year (a voided event is taken back out). */
    public static final String EVENTS = "events";
    public static final String VOIDS = "voids";
    public static final String DUES_FEN = "dues.totalFen";
    public static final String DUES_PAYMENTS = "dues.payments";
    public static final String TALKS = "talks.count";
    public static final String TALK_PERSONS = "talks.persons";
    public static final String CARE_VISITS = "care.visits";
    public static final String CARE_PERSON_TIMES = "care.personTimes";
    public static final String VOLUNTEER = "volunteer.count";
    public static final String VOLUNTEER_PARTICIPANTS = "volunteer.participants";

    public static final String DUES_PAID_PREFIX = "dues.paid.";

    private Counters() {
    }

    public static String activity(ActivityType type) {
        return "activities." + type.name();
    }

    public static String activityMonth(ActivityType type, int month) {
        return "activityMonths." + type.name() + "." + month;
    }

    public static String meeting(MeetingType type, String field) {
        return "meetings." + type.name() + "." + field;
    }

    public static String meetingMonth(MeetingType type, int month) {
        return "meetings." + type.name() + ".byMonth." + month;
    }

    public static String lecturer(LecturerRole role) {
        return "lecturers." + role.name();
    }

    /** How many payments cover this member's month (normally 0 or 1; a void takes one back). */
    public static String duesMonth(String memberId, int month) {
        return DUES_PAID_PREFIX + Keys.safe(memberId) + "." + month;
    }

    public static final String TALK_WITH_PREFIX = "talks.with.";

    public static String talkWith(String memberId) {
        return TALK_WITH_PREFIX + Keys.safe(memberId);
    }

    public static String membership(String movement) {
        return "membership." + movement;
    }
}
