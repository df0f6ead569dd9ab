package org.dangjian.activity.org;

import java.time.Instant;
import java.util.List;
import org.dangjian.contracts.org.OrgType;

/**
 * One organisation as stored.
 *
 * @param ancestors the path from the root down to the parent (empty for a root)
 * @param policy    what this organisation itself overrides (not the effective policy)
 */
public record Org(String orgId, String name, OrgType type, String parentId, List<String> ancestors,
        PolicyOverride policy, long version, Instant updatedAt) {

    /** True when {@code candidate} is this organisation or one of its ancestors. */
    public boolean isWithin(String candidate) {
        return orgId.equals(candidate) || ancestors.contains(candidate);
    }
}
