package org.dangjian.activity.org;

import java.util.List;
import org.dangjian.contracts.org.Requirement;

/**
 * What one organisation sets in its policy calendar; every null field is inherited from the parent (and, at
 * the root, from the defaults of the branch work regulations). A requirement with {@code minimum = 0} drops an
 * inherited item (e.g. a branch without a committee owes no 支委会).
 */
public record PolicyOverride(List<Requirement> requirements, Integer deadlineDay, Integer themePartyDay,
        Boolean monthlyDues, Integer talksPerMember) {

    public static final PolicyOverride NONE = new PolicyOverride(null, null, null, null, null);

    public boolean isEmpty() {
        return requirements == null && deadlineDay == null && themePartyDay == null && monthlyDues == null
                && talksPerMember == null;
    }
}
