package org.dangjian.contracts.org;

import java.util.List;

/**
 * An organisation's policy calendar, as resolved for it (its own overrides over its ancestors' over the
 * defaults of the branch work regulations).
 *
 * @param requirements   the organisational-life items it owes
 * @param deadlineDay    day of the following month by which a month's organisational life is due (default 10)
 * @param themePartyDay  the fixed day of the month for 主题党日 (seed 000: 每月四日); null when not fixed
 * @param monthlyDues    every member owes dues every month
 * @param talksPerMember heart-to-heart talks owed to each member per year
 */
public record Policy(List<Requirement> requirements, int deadlineDay, Integer themePartyDay, boolean monthlyDues,
        int talksPerMember) {
}
