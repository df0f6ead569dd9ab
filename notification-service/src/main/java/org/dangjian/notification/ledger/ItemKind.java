package org.dangjian.notification.ledger;

/** What kind of thing is owed. */
public enum ItemKind {
    /** An organisational-life meeting of the policy calendar. */
    MEETING("组织生活"),
    /** A member's monthly dues (党费). */
    DUES("党费"),
    /** A probationary member whose probation is up and who has no 转正 decision. */
    PROBATION("预备党员转正"),
    /** An activist cultivated for a year and not yet considered as a development target. */
    ACTIVIST("入党积极分子培养"),
    /** A rectification item (整改) from a review. */
    RECTIFICATION("问题整改");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
