package org.dangjian.review.org;

import java.util.List;

/**
 * Our replica of one organisation, taken from the compacted orgs topic.
 *
 * @param ancestors root first, down to the parent
 */
public record OrgNode(String orgId, String name, String type, String parentId, List<String> ancestors, long version) {

    public OrgNode {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    /** Strictly below {@code orgId}. */
    public boolean isDescendantOf(String otherId) {
        return ancestors.contains(otherId);
    }

    /** {@code otherId} itself or one of its descendants: what a token for {@code otherId} reaches. */
    public boolean isWithin(String otherId) {
        return orgId.equals(otherId) || isDescendantOf(otherId);
    }

    public String displayName() {
        return name == null || name.isBlank() ? orgId : name;
    }
}
