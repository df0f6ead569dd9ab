package org.dangjian.review.org;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read side of the organisation replica. */
public interface OrgDirectory {

    Optional<OrgNode> find(String orgId);

    /** The known ones among {@code orgIds}; unknown ids are simply absent. */
    Map<String, OrgNode> findAll(Collection<String> orgIds);

    default String nameOf(String orgId) {
        return find(orgId).map(OrgNode::displayName).orElse(orgId);
    }
}
