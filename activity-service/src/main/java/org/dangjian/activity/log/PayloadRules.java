package org.dangjian.activity.log;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.contracts.activity.ActivityPayload;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.CareVisit;
import org.dangjian.contracts.activity.DuesPaid;
import org.dangjian.contracts.activity.MeetingHeld;
import org.dangjian.contracts.activity.MemberMilestone;
import org.dangjian.contracts.activity.MemberRegistered;
import org.dangjian.contracts.activity.MemberTransfer;
import org.dangjian.contracts.activity.ProbationExtended;
import org.dangjian.contracts.activity.TalkHeld;
import org.dangjian.contracts.activity.VolunteerService;

/** Field rules of each payload type, independent of any stored state. */
public final class PayloadRules {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
    private static final long MAX_FEN = 10_000_000_000L;

    /** Fields that must be present (and non-null) in the JSON payload of each type. */
    public static final Map<ActivityType, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(ActivityType.MEETING_HELD, List.of("meetingType", "attendees", "expected", "topic")),
            Map.entry(ActivityType.DUES_PAID, List.of("memberId", "period", "amountFen")),
            Map.entry(ActivityType.MEMBER_REGISTERED, List.of("memberId", "name", "stage", "since")),
            Map.entry(ActivityType.APPLICATION_RECEIVED, List.of("memberId", "name", "birthDate")),
            Map.entry(ActivityType.ACTIVIST_DESIGNATED, List.of("memberId")),
            Map.entry(ActivityType.DEVELOPMENT_TARGET_DESIGNATED, List.of("memberId")),
            Map.entry(ActivityType.MEMBER_ADMITTED, List.of("memberId")),
            Map.entry(ActivityType.MEMBER_CONFIRMED, List.of("memberId")),
            Map.entry(ActivityType.PROBATION_EXTENDED, List.of("memberId", "months")),
            Map.entry(ActivityType.MEMBER_TRANSFERRED_IN, List.of("memberId")),
            Map.entry(ActivityType.MEMBER_TRANSFERRED_OUT, List.of("memberId", "toOrgId")),
            Map.entry(ActivityType.TALK_HELD, List.of("memberIds")),
            Map.entry(ActivityType.CARE_VISIT, List.of("persons")),
            Map.entry(ActivityType.VOLUNTEER_SERVICE, List.of("participants", "topic")),
            Map.entry(ActivityType.ACTIVITY_VOIDED, List.of("voidedEventId", "reason")));

    private PayloadRules() {
    }

    /** @param date the day the event happened, in Asia/Shanghai */
    public static List<FieldProblem> check(ActivityType type, ActivityPayload payload, LocalDate date) {
        List<FieldProblem> e = new ArrayList<>();
        if (payload instanceof MeetingHeld m) {
            if (m.attendees() < 0) {
                e.add(p("attendees", "不能为负数"));
            }
            if (m.expected() < 1) {
                e.add(p("expected", "应到人数至少为 1"));
            }
            if (m.attendees() > m.expected() && m.expected() >= 1) {
                e.add(p("attendees", "实到人数不能超过应到人数"));
            }
            text(e, "topic", m.topic(), 500);
            if (m.lecturer() != null) {
                text(e, "lecturer.name", m.lecturer().name(), 100);
            }
        } else if (payload instanceof DuesPaid d) {
            id(e, "memberId", d.memberId());
            if (!PERIOD.matcher(d.period()).matches() || !validMonth(d.period())) {
                e.add(p("period", "须为 YYYY-MM 格式的有效月份"));
            }
            if (d.months() != null && (d.months() < 1 || d.months() > 24)) {
                e.add(p("months", "预交月数须在 1 到 24 之间"));
            }
            if (d.amountFen() <= 0) {
                e.add(p("amountFen", "金额（分）须为正整数"));
            } else if (d.amountFen() > MAX_FEN) {
                e.add(p("amountFen", "金额过大"));
            }
        } else if (payload instanceof MemberRegistered r) {
            id(e, "memberId", r.memberId());
            text(e, "name", r.name(), 100);
            if (r.since().isAfter(date)) {
                e.add(p("since", "不能晚于事件发生日期"));
            }
        } else if (payload instanceof MemberMilestone m) {
            id(e, "memberId", m.memberId());
            if (type == ActivityType.APPLICATION_RECEIVED) {
                text(e, "name", m.name(), 100);
                if (m.birthDate().isAfter(date)) {
                    e.add(p("birthDate", "不能晚于申请日期"));
                }
            }
        } else if (payload instanceof ProbationExtended x) {
            id(e, "memberId", x.memberId());
        } else if (payload instanceof MemberTransfer t) {
            id(e, "memberId", t.memberId());
            if (type == ActivityType.MEMBER_TRANSFERRED_OUT) {
                text(e, "toOrgId", t.toOrgId(), 64);
            }
            if (t.name() != null) {
                text(e, "name", t.name(), 100);
            }
            if (t.since() != null && t.since().isAfter(date)) {
                e.add(p("since", "不能晚于事件发生日期"));
            }
        } else if (payload instanceof TalkHeld t) {
            if (t.memberIds().isEmpty()) {
                e.add(p("memberIds", "至少一名谈话对象"));
            } else if (t.memberIds().size() > 1000) {
                e.add(p("memberIds", "最多 1000 名"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < t.memberIds().size(); i++) {
                String id = t.memberIds().get(i);
                if (id == null || !ID.matcher(id).matches()) {
                    e.add(p("memberIds[" + i + "]", "成员编号无效"));
                } else if (!seen.add(id)) {
                    e.add(p("memberIds[" + i + "]", "重复的成员编号"));
                }
            }
            if (t.topic() != null && t.topic().length() > 500) {
                e.add(p("topic", "不能超过 500 个字符"));
            }
        } else if (payload instanceof CareVisit c) {
            if (c.persons() < 1) {
                e.add(p("persons", "慰问人次至少为 1"));
            }
        } else if (payload instanceof VolunteerService v) {
            if (v.participants() < 1) {
                e.add(p("participants", "参加人数至少为 1"));
            }
            text(e, "topic", v.topic(), 500);
        }
        return e;
    }

    private static boolean validMonth(String period) {
        try {
            YearMonth.parse(period);
            return true;
        } catch (DateTimeParseException ex) {
            return false;
        }
    }

    private static void id(List<FieldProblem> e, String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            e.add(p(field, "编号须为 1–64 位字母、数字或 -_."));
        }
    }

    private static void text(List<FieldProblem> e, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            e.add(p(field, "不能为空"));
        } else if (value.length() > max) {
            e.add(p(field, "不能超过 " + max + " 个字符"));
        }
    }

    private static FieldProblem p(String field, String reason) {
        return new FieldProblem("payload." + field, reason);
    }
}
