package org.dangjian.gateway.access;

/** Where a route names the organisation(s) that decide whether the caller may go ahead. */
public enum Scope {
    /** The path variable {@code orgId} (and any {@code orgId}/{@code committeeOrgId} in the query). */
    PATH_ORG,
    /** The query parameters {@code orgId} / {@code committeeOrgId}; at least one is required. */
    QUERY_ORG,
    /** The body's {@code orgId} (one activity event). */
    ACTIVITY_BODY,
    /** Every event's {@code orgId} in a batch (a JSON array, or an object with an {@code events} array). */
    BATCH_BODY,
    /** A review cycle's {@code committeeOrgId} and every one of its {@code orgIds}. */
    CYCLE_BODY,
    /** {@code PUT /api/orgs/{orgId}}: the path org and the body's {@code parentId}, against the tree. */
    ORG_PUT,
    /** A resource addressed by id: the role is checked here, the owning service checks the caller headers. */
    BY_ID,
    /** A system-wide admin action: only a token for a root of the tree (query orgs, if any, in scope too). */
    GLOBAL
}
