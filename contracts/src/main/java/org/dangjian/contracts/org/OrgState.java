package org.dangjian.contracts.org;

import java.time.Instant;
import java.util.List;

/**
 * The full current state of one organisation: the value of each record on the compacted
 * {@link org.dangjian.contracts.Topics#ORGS} topic (key = orgId). A consumer keeps the latest per key.
 *
 * @param ancestors the path from the root down to the parent (empty for a root)
 * @param policy    the effective policy calendar, inheritance already resolved
 * @param version   increases with every change of this organisation
 */
public record OrgState(String orgId, String name, OrgType type, String parentId, List<String> ancestors,
        Policy policy, Instant updatedAt, long version) {
}
