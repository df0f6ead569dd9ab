package org.dangjian.gateway.access;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisations a request names: the path's {@code orgId}, the query's {@code orgId}/{@code committeeOrgId}
 * values, the ones found in the body, and for {@code PUT /api/orgs/{orgId}} the body's {@code parentId}.
 */
public record OrgRefs(String pathOrg, List<String> queryOrgs, List<String> bodyOrgs, String parentId) {

    public OrgRefs {
        queryOrgs = List.copyOf(queryOrgs);
        bodyOrgs = List.copyOf(bodyOrgs);
    }

    /** Every organisation that must lie in the caller's subtree (for all scopes but {@link Scope#ORG_PUT}). */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        if (pathOrg != null) {
            all.add(pathOrg);
        }
        all.addAll(queryOrgs);
        all.addAll(bodyOrgs);
        return all;
    }
}
