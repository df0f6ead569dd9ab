package org.dangjian.notification.ledger;

/** How far chasing an item has gone. One notification per item, stage and recipient. */
public enum Stage {
    /** Before the deadline ("还剩3天"). */
    REMINDER("提醒"),
    /** The deadline has passed. */
    OVERDUE("逾期"),
    /** Still missing after the grace period: the parent organisation is told. */
    ESCALATED("督办"),
    /** No dues for 3 months: the branch is warned. */
    DUES_WARNING("党费预警"),
    /** No dues for 5 months: branch and parent are told that six months means 自行脱党. */
    DUES_FINAL_WARNING("自行脱党预警"),
    /** Something to consider, without a hard deadline (activists). */
    NOTICE("提示");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
