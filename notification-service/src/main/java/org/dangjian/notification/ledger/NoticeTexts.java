package org.dangjian.notification.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.dangjian.contracts.activity.MeetingType;

/** The Chinese sentences people read: what is missing, for which period, by when. */
public final class NoticeTexts {

    private NoticeTexts() {
    }

    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    static String verb(MeetingType type) {
        return switch (type) {
            case BRANCH_MEMBER_ASSEMBLY, BRANCH_COMMITTEE, PARTY_GROUP, ORGANIZATIONAL_LIFE, INTEGRITY_MEETING -> "召开";
            case PARTY_LECTURE -> "讲";
            default -> "开展";
        };
    }

    static String meetingName(MeetingType type, Integer themePartyDay) {
        if (type == MeetingType.THEME_PARTY_DAY) {
            return themePartyDay == null ? "主题党日活动" : "主题党日活动（每月" + themePartyDay + "日）";
        }
        return type.label();
    }

    /** 第一支部2026年3月尚未召开支部委员会，应于2026年4月10日前完成 (without the stage's tail). */
    static String meetingBase(String orgName, MeetingType type, Period period, int minimum, int held,
            LocalDate deadline, Integer themePartyDay) {
        String name = meetingName(type, themePartyDay);
        String what = held == 0
                ? "尚未" + verb(type) + name + (minimum > 1 ? "（应不少于" + minimum + "次）" : "")
                : name + "仅" + verb(type) + held + "次（应不少于" + minimum + "次）";
        return orgName + period.label() + what + "，应于" + date(deadline) + "前完成";
    }

    /** The tail that says how the deadline stands as of a day. */
    static String tail(Stage stage, LocalDate deadline, LocalDate asOf) {
        long left = ChronoUnit.DAYS.between(asOf, deadline);
        long late = -left;
        return switch (stage) {
            case REMINDER -> left == 0 ? "，今天是最后期限。" : "，还剩" + left + "天。";
            case OVERDUE -> "，现已逾期" + late + "天，请尽快完成。";
            case ESCALATED -> "，已逾期" + late + "天仍未完成，请督促其整改。";
            default -> "。";
        };
    }

    static String title(Stage stage, String orgName, String subject) {
        return "【" + stage.label() + "】" + orgName + "：" + subject;
    }
}
