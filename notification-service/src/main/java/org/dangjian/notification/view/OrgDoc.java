package org.dangjian.notification.view;

import java.time.Instant;
import java.util.List;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest {@code OrgState} of an organisation, plus the earliest day we know it existed.
 *
 * @param trackedFrom ISO date: the earliest {@code updatedAt} seen (Asia/Shanghai)
 */
@Document("orgs")
public record OrgDoc(@Id String id, String name, OrgType type, String parentId, List<String> ancestors,
        Policy policy, Instant updatedAt, long version, String trackedFrom) {
}
