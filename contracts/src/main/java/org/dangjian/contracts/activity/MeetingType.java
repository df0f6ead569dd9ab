package org.dangjian.contracts.activity;

/** Kinds of meeting and organised activity a branch holds (组织生活 and what the reports also count). */
public enum MeetingType {
    BRANCH_MEMBER_ASSEMBLY("支部党员大会"),
    BRANCH_COMMITTEE("支部委员会"),
    PARTY_GROUP("党小组会"),
    PARTY_LECTURE("党课"),
    THEME_PARTY_DAY("主题党日"),
    ORGANIZATIONAL_LIFE("组织生活会"),
    DEMOCRATIC_APPRAISAL("民主评议党员"),
    STUDY_SESSION("集中学习"),
    SEMINAR("专题研讨"),
    INTEGRITY_EDUCATION("廉政/警示教育"),
    INTEGRITY_MEETING("党风廉政建设专题会议"),
    TWINNING("结对共建"),
    RESEARCH_VISIT("调研");

    private final String label;

    MeetingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
