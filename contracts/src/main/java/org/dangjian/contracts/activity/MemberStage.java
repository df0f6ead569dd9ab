package org.dangjian.contracts.activity;

/** A person's stage on the way into the Party (发展党员). */
public enum MemberStage {
    APPLICANT("入党申请人"),
    ACTIVIST("入党积极分子"),
    DEVELOPMENT_TARGET("发展对象"),
    PROBATIONARY("预备党员"),
    FULL("正式党员");

    private final String label;

    MemberStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Probationary and full members are Party members: they pay dues and are counted as 党员. */
    public boolean isPartyMember() {
        return this == PROBATIONARY || this == FULL;
    }
}
