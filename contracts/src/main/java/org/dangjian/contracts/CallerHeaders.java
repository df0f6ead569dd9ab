package org.dangjian.contracts;

/**
 * Who is calling, as the gateway tells the services after it has checked the token. The gateway removes any
 * of these headers a client sends and sets them from the verified token, so a service may trust them. A
 * service that finds them absent is being called from inside (another service, a test) and skips the
 * scope check; resources addressed by id (a member, a cycle, a rectification, a notification) are checked
 * by the owning service: the resource's organisation must lie in the caller's subtree.
 */
public final class CallerHeaders {

    /** The token's {@code sub}. */
    public static final String SUBJECT = "X-Dangjian-Subject";
    /** The token's roles, comma separated: BRANCH_SYSTEM, LEADER, COMMITTEE, ADMIN. */
    public static final String ROLES = "X-Dangjian-Roles";
    /** The token's organisation: the caller reaches it and its descendants. */
    public static final String ORG = "X-Dangjian-Org";

    private CallerHeaders() {
    }
}
