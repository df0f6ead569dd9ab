package org.dangjian.notification.ledger;

import java.time.LocalDate;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;

/**
 * What the ledger knows of an organisation.
 *
 * @param trackedFrom the earliest day this service knows the organisation existed; periods starting before it are
 *                    not chased
 */
public record OrgInfo(String orgId, String name, OrgType type, String parentId, Policy policy,
        LocalDate trackedFrom) {

    public String displayName() {
        return name == null || name.isBlank() ? orgId : name;
    }
}
