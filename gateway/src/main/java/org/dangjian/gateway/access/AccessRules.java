package org.dangjian.gateway.access;

import static org.dangjian.gateway.access.Role.ADMIN;
import static org.dangjian.gateway.access.Role.BRANCH_SYSTEM;
import static org.dangjian.gateway.access.Role.COMMITTEE;
import static org.dangjian.gateway.access.Role.LEADER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The authorisation matrix of the public API (gateway/README.md shows it as a table). First match wins, so the
 * specific lines come before the general ones. A request under a proxied prefix that matches no line is
 * answered 404: the gateway only opens what it knows.
 */
public final class AccessRules {

    /** Everyone with a token may read the tree within their subtree. */
    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    /** Who reads reports (committees review with the numbers). */
    static final Set<Role> REPORT_READERS = EnumSet.of(LEADER, COMMITTEE, ADMIN);
    /** Who reads the activity log (a branch system reconciles what it posted). */
    static final Set<Role> LOG_READERS = EnumSet.of(BRANCH_SYSTEM, LEADER, COMMITTEE, ADMIN);

    /** Who reads review cycles, feedback and rectifications (the reviewed branch's leader takes part). */
    static final Set<Role> REVIEW_READERS = EnumSet.of(COMMITTEE, LEADER, ADMIN);

    /** The path prefixes routed to the services; requests under them must match a rule. */
    public static final List<String> PROXIED_PREFIXES = List.of("/api/orgs", "/api/members", "/api/activities",
            "/api/reports", "/api/reviews", "/api/notifications");

    public static final List<AccessRule> RULES = List.of(
            // activity-service: organisation tree and roster
            rule("PUT", "/api/orgs/{orgId}", EnumSet.of(ADMIN), Scope.ORG_PUT),
            rule("GET", "/api/orgs/{orgId}/members/**", EnumSet.of(ADMIN, LEADER), Scope.PATH_ORG),
            rule("GET", "/api/orgs/{orgId}", ALL, Scope.PATH_ORG),
            rule("GET", "/api/orgs/{orgId}/children", ALL, Scope.PATH_ORG),
            rule("GET", "/api/members/{memberId}", EnumSet.of(ADMIN, LEADER), Scope.BY_ID),
            // activity-service: the activity log
            rule("POST", "/api/activities", EnumSet.of(BRANCH_SYSTEM), Scope.ACTIVITY_BODY),
            rule("POST", "/api/activities/batch", EnumSet.of(BRANCH_SYSTEM), Scope.BATCH_BODY),
            rule("POST", "/api/activities/{eventId}/void", EnumSet.of(BRANCH_SYSTEM), Scope.BY_ID),
            rule("GET", "/api/activities", LOG_READERS, Scope.QUERY_ORG),
            rule("GET", "/api/activities/{eventId}", LOG_READERS, Scope.BY_ID),
            // report-service (admin first: "admin" would otherwise read as an orgId)
            rule("*", "/api/reports/admin/**", EnumSet.of(ADMIN), Scope.GLOBAL),
            rule("GET", "/api/reports/{orgId}/{year}/**", REPORT_READERS, Scope.PATH_ORG),
            // review-service
            rule("POST", "/api/reviews/checks", EnumSet.of(ADMIN), Scope.GLOBAL),
            rule("POST", "/api/reviews/cycles", EnumSet.of(COMMITTEE), Scope.CYCLE_BODY),
            rule("GET", "/api/reviews/cycles", REVIEW_READERS, Scope.QUERY_ORG),
            rule("PUT", "/api/reviews/cycles/{cycleId}/submissions/{orgId}", EnumSet.of(COMMITTEE, LEADER),
                    Scope.PATH_ORG),
            rule("PUT", "/api/reviews/cycles/{cycleId}/assessments/{orgId}/{reviewerId}", EnumSet.of(COMMITTEE),
                    Scope.PATH_ORG),
            rule("POST", "/api/reviews/cycles/{cycleId}/feedback/{orgId}", EnumSet.of(COMMITTEE), Scope.PATH_ORG),
            rule("POST", "/api/reviews/cycles/{cycleId}/submissions/{orgId}/reopen", EnumSet.of(COMMITTEE),
                    Scope.PATH_ORG),
            rule("POST", "/api/reviews/cycles/{cycleId}/assessments/{orgId}", EnumSet.of(COMMITTEE), Scope.PATH_ORG),
            rule("GET", "/api/reviews/cycles/{cycleId}/{part}/{orgId}", REVIEW_READERS, Scope.PATH_ORG),
            rule("GET", "/api/reviews/cycles/{cycleId}/**", REVIEW_READERS, Scope.BY_ID),
            rule("GET", "/api/reviews/feedback", REVIEW_READERS, Scope.QUERY_ORG),
            rule("GET", "/api/reviews/rectifications", REVIEW_READERS, Scope.QUERY_ORG),
            rule("GET", "/api/reviews/rectifications/overdue", REVIEW_READERS, Scope.QUERY_ORG),
            rule("GET", "/api/reviews/rectifications/{id}", REVIEW_READERS, Scope.BY_ID),
            rule("PATCH", "/api/reviews/rectifications/{id}", EnumSet.of(COMMITTEE, LEADER), Scope.BY_ID),
            // notification-service
            rule("POST", "/api/notifications/checks", EnumSet.of(ADMIN), Scope.GLOBAL),
            rule("PUT", "/api/notifications/settings/{orgId}", EnumSet.of(ADMIN), Scope.PATH_ORG),
            rule("GET", "/api/notifications/settings/{orgId}", EnumSet.of(ADMIN), Scope.PATH_ORG),
            rule("GET", "/api/notifications", EnumSet.of(LEADER, ADMIN), Scope.QUERY_ORG),
            rule("GET", "/api/notifications/deliveries", EnumSet.of(LEADER, ADMIN), Scope.QUERY_ORG),
            rule("POST", "/api/notifications/deliveries/{id}/retry", EnumSet.of(ADMIN), Scope.BY_ID),
            rule("GET", "/api/notifications/{id}", EnumSet.of(LEADER, ADMIN), Scope.BY_ID),
            rule("POST", "/api/notifications/{id}/ack", EnumSet.of(LEADER, ADMIN), Scope.BY_ID));

    private AccessRules() {
    }

    private static AccessRule rule(String method, String pattern, Set<Role> roles, Scope scope) {
        return new AccessRule(method, pattern, roles, scope);
    }
}
