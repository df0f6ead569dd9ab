package org.dangjian.notification.chase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.dangjian.notification.AbstractIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A year of one branch (第一支部 under 机关党委) with deliberate gaps, fed through Kafka, checked day by day through
 * the admin endpoint: the right notices on the right dates, escalations after the grace period, none for what was
 * done, and open reminders closing by themselves when the late item arrives.
 */
class FixtureYearIT extends AbstractIT {

    private static final String BRANCH = "b-fix";
    private static final String PARENT = "c-fix";

    private final Set<String> seen = new HashSet<>();

    @Test
    void aYearWithGaps() {
        Policy policy = new Policy(List.of(
                new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1),
                new Requirement(MeetingType.THEME_PARTY_DAY, Frequency.MONTHLY, 1),
                new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY, Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.PARTY_LECTURE, Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.ORGANIZATIONAL_LIFE, Frequency.YEARLY, 1),
                new Requirement(MeetingType.DEMOCRATIC_APPRAISAL, Frequency.YEARLY, 1)), 10, 4, true, 1);
        publishOrg(PARENT, "机关党委", OrgType.COMMITTEE, null, List.of(), policy, java.time.LocalDate.of(2026, 1, 1));
        publishOrg(BRANCH, "第一支部", OrgType.BRANCH, PARENT, List.of(PARENT), policy,
                java.time.LocalDate.of(2026, 1, 1));
        awaitOrg(PARENT);
        awaitOrg(BRANCH);

        int events = 0;
        publish(BRANCH, ActivityType.MEMBER_REGISTERED, beijing("2026-01-02T09:00:00"),
                member("m-1", "张三", MemberStage.FULL, "2005-07-01"));
        publish(BRANCH, ActivityType.MEMBER_REGISTERED, beijing("2026-01-02T09:00:00"),
                member("m-2", "李四", MemberStage.FULL, "2010-07-01"));
        publish(BRANCH, ActivityType.MEMBER_REGISTERED, beijing("2026-01-02T09:00:00"),
                member("m-3", "王五", MemberStage.PROBATIONARY, "2025-06-15"));
        publish(BRANCH, ActivityType.DUES_PAID, beijing("2026-01-05T10:00:00"), dues("m-1", "2026-01", 12));
        publish(BRANCH, ActivityType.DUES_PAID, beijing("2026-01-05T10:00:00"), dues("m-2", "2026-01", 1));
        publish(BRANCH, ActivityType.DUES_PAID, beijing("2026-01-06T10:00:00"), dues("m-3", "2026-01", 12));
        events += 6;
        for (int month = 1; month <= 12; month++) {
            String mm = String.format("%02d", month);
            if (month != 3) { // gap: no 支委会 in March
                publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-" + mm + "-03T15:00:00"),
                        meeting(MeetingType.BRANCH_COMMITTEE));
                events++;
            }
            publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-" + mm + "-04T09:00:00"),
                    meeting(MeetingType.THEME_PARTY_DAY));
            events++;
            if (month % 3 == 2) {
                publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-" + mm + "-20T09:00:00"),
                        meeting(MeetingType.PARTY_LECTURE));
                events++;
                if (month != 5) { // gap: no 党员大会 in the second quarter
                    publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-" + mm + "-21T09:00:00"),
                            meeting(MeetingType.BRANCH_MEMBER_ASSEMBLY));
                    events++;
                }
            }
        }
        publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-12-20T09:00:00"),
                meeting(MeetingType.ORGANIZATIONAL_LIFE));
        events++;
        // gap: no 民主评议党员 all year; m-2 stops paying after January; m-3's probation ends 2026-06-15 undecided.
        awaitEvents(BRANCH, events);

        assertThat(newAfterCheck("2026-02-07")).isEmpty();
        assertThat(newAfterCheck("2026-03-07")).isEmpty();
        assertThat(newAfterCheck("2026-04-06")).isEmpty();
        assertThat(newAfterCheck("2026-04-07")).containsExactly("MEETING:BRANCH_COMMITTEE:2026-03:REMINDER@b-fix");
        JsonNode reminder = inbox(BRANCH).get(0);
        assertThat(reminder.get("text").asString())
                .isEqualTo("第一支部2026年3月尚未召开支部委员会，应于2026年4月10日前完成，还剩3天。");
        assertThat(newAfterCheck("2026-04-10")).isEmpty();
        assertThat(newAfterCheck("2026-04-11")).containsExactly("MEETING:BRANCH_COMMITTEE:2026-03:OVERDUE@b-fix");
        assertThat(newAfterCheck("2026-04-25")).isEmpty();
        assertThat(newAfterCheck("2026-04-26")).containsExactly("MEETING:BRANCH_COMMITTEE:2026-03:ESCALATED@c-fix");
        assertThat(newAfterCheck("2026-05-01")).containsExactly("DUES:m-2:2026-02:DUES_WARNING@b-fix");
        assertThat(newAfterCheck("2026-06-11")).isEmpty();
        assertThat(newAfterCheck("2026-06-12")).containsExactly("PROBATION:m-3:2026-06-15:REMINDER@b-fix");
        assertThat(newAfterCheck("2026-06-16")).containsExactly("PROBATION:m-3:2026-06-15:OVERDUE@b-fix");
        assertThat(newAfterCheck("2026-07-01")).containsExactlyInAnyOrder(
                "DUES:m-2:2026-02:DUES_FINAL_WARNING@b-fix", "DUES:m-2:2026-02:DUES_FINAL_WARNING@c-fix",
                "PROBATION:m-3:2026-06-15:ESCALATED@c-fix");
        assertThat(textOf(PARENT, "DUES_FINAL_WARNING")).isEqualTo(
                "第一支部党员李四已连续5个月（2026年2月至2026年6月）未交纳党费。按照规定，党员连续六个月不交纳党费即被认为是自行脱党，"
                        + "请于2026年7月31日前督促其补交。");
        assertThat(newAfterCheck("2026-07-07"))
                .containsExactly("MEETING:BRANCH_MEMBER_ASSEMBLY:2026-Q2:REMINDER@b-fix");
        assertThat(newAfterCheck("2026-07-11"))
                .containsExactly("MEETING:BRANCH_MEMBER_ASSEMBLY:2026-Q2:OVERDUE@b-fix");

        // The late items arrive: the Q2 assembly (held 28 June, recorded late) and李四's dues for a year.
        publish(BRANCH, ActivityType.MEETING_HELD, beijing("2026-06-28T09:00:00"),
                meeting(MeetingType.BRANCH_MEMBER_ASSEMBLY));
        publish(BRANCH, ActivityType.DUES_PAID, beijing("2026-07-12T10:00:00"), dues("m-2", "2026-02", 12));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses()).containsEntry(
                "MEETING:BRANCH_MEMBER_ASSEMBLY:2026-Q2:REMINDER@b-fix", "CLOSED").containsEntry(
                "MEETING:BRANCH_MEMBER_ASSEMBLY:2026-Q2:OVERDUE@b-fix", "CLOSED").containsEntry(
                "DUES:m-2:2026-02:DUES_WARNING@b-fix", "CLOSED").containsEntry(
                "DUES:m-2:2026-02:DUES_FINAL_WARNING@c-fix", "CLOSED"));
        // What did not arrive stays open.
        assertThat(statuses()).containsEntry("MEETING:BRANCH_COMMITTEE:2026-03:ESCALATED@c-fix", "OPEN")
                .containsEntry("PROBATION:m-3:2026-06-15:OVERDUE@b-fix", "OPEN");

        // No escalation for the assembly that arrived; nothing new until the year's items come due.
        assertThat(newAfterCheck("2026-07-26")).isEmpty();
        assertThat(newAfterCheck("2026-10-07")).isEmpty();
        assertThat(newAfterCheck("2027-01-07"))
                .containsExactly("MEETING:DEMOCRATIC_APPRAISAL:2026:REMINDER@b-fix");
        assertThat(textOf(BRANCH, "REMINDER", "DEMOCRATIC_APPRAISAL"))
                .isEqualTo("第一支部2026年度尚未开展民主评议党员，应于2027年1月10日前完成，还剩3天。");

        // None for what was done.
        assertThat(seen).noneMatch(s -> s.contains("THEME_PARTY_DAY") || s.contains("PARTY_LECTURE")
                || s.contains("ORGANIZATIONAL_LIFE") || s.contains("m-1") || s.contains("2026-Q1")
                || s.contains("2026-Q3") || s.contains("BRANCH_COMMITTEE:2026-02"));
    }

    private Set<String> newAfterCheck(String asOf) {
        check(asOf);
        Set<String> now = new TreeSet<>(statuses().keySet());
        Set<String> fresh = new TreeSet<>(now);
        fresh.removeAll(seen);
        seen.addAll(now);
        return fresh;
    }

    private java.util.Map<String, String> statuses() {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        for (String org : List.of(BRANCH, PARENT)) {
            for (JsonNode n : inbox(org)) {
                all.put(describe(n), n.get("status").asString());
            }
        }
        return all;
    }

    private List<JsonNode> inbox(String org) {
        Response r = http(HttpMethod.GET, "/api/notifications?orgId=" + org + "&size=200", null);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        assertThat(r.body().get("total").asLong()).isEqualTo(items.size());
        return items;
    }

    private String textOf(String org, String stage, String... contains) {
        return inbox(org).stream().filter(n -> n.get("stage").asString().equals(stage))
                .filter(n -> List.of(contains).stream().allMatch(c -> describe(n).contains(c)))
                .map(n -> n.get("text").asString()).findFirst().orElseThrow();
    }

    private static String describe(JsonNode n) {
        String kind = n.get("kind").asString();
        String what = switch (kind) {
            case "MEETING" -> n.get("meetingType").asString() + ":" + n.get("period").asString();
            case "DUES" -> n.get("memberId").asString() + ":" + n.get("period").asString();
            default -> (n.get("memberId").isNull() ? n.get("reference").asString() : n.get("memberId").asString())
                    + ":" + n.get("deadline").asString();
        };
        return kind + ":" + what + ":" + n.get("stage").asString() + "@" + n.get("orgId").asString();
    }
}
