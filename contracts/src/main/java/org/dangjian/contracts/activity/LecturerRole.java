package org.dangjian.contracts.activity;

/** Who gave a party lecture (讲党课), as the reports count it. */
public enum LecturerRole {
    SECRETARY("书记"),
    COMMITTEE_MEMBER("支委委员"),
    LEADER("领导干部"),
    INVITED_EXPERT("特邀专家"),
    MEMBER("党员");

    private final String label;

    LecturerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
