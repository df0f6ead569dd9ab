package org.dangjian.review.rectification;

/** Where a rectification item (整改事项) stands. */
public enum RectificationStatus {
    OPEN("待整改"),
    IN_PROGRESS("整改中"),
    SUBMITTED("已提交整改材料，待验收"),
    VERIFIED("已验收销号"),
    REJECTED("未通过验收，已退回"),
    /** Dropped because a corrected feedback version no longer lists it. Never set through the API. */
    WITHDRAWN("已撤销（反馈已更正）");

    private final String label;

    RectificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still owed by the organisation or the committee. */
    public boolean isLive() {
        return this != VERIFIED && this != WITHDRAWN;
    }

    /** The ball is in the organisation's court, so a passed deadline makes the item overdue. */
    public boolean awaitsOrganisation() {
        return this == OPEN || this == IN_PROGRESS || this == REJECTED;
    }
}
