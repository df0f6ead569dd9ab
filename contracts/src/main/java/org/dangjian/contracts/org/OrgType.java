package org.dangjian.contracts.org;

/** Levels of the organisation tree. Activities are posted by branches; levels above read roll-ups. */
public enum OrgType {
    WORKING_COMMITTEE("党工委"),
    COMMITTEE("党委"),
    GENERAL_BRANCH("党总支"),
    BRANCH("党支部");

    private final String label;

    OrgType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
