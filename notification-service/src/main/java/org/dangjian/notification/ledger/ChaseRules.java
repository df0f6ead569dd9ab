package org.dangjian.notification.ledger;

/**
 * The timing of chasing.
 *
 * @param reminderDaysBefore     days before a deadline when the reminder goes out ("还剩3天")
 * @param graceDays              days after a deadline before the parent organisation is told
 * @param lookbackDays           meeting periods whose deadline lies further back are not chased any more (so a
 *                               fresh deployment does not flood branches with years-old notices)
 * @param duesWarningMonths      unpaid months that trigger the warning to the branch (3)
 * @param duesFinalWarningMonths unpaid months that trigger the 自行脱党 warning to branch and parent (5)
 */
public record ChaseRules(int reminderDaysBefore, int graceDays, int lookbackDays, int duesWarningMonths,
        int duesFinalWarningMonths) {

    public static ChaseRules defaults() {
        return new ChaseRules(3, 15, 100, 3, 5);
    }
}
