package org.dangjian.gateway.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * One line of the gateway's authorisation table: requests with this method whose path matches this pattern
 * (Spring path pattern syntax) need one of these roles and the organisations named as {@code scope} says.
 */
public record AccessRule(String method, String pattern, Set<Role> roles, Scope scope) {

    public AccessRule {
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean needsBody() {
        return scope == Scope.ACTIVITY_BODY || scope == Scope.BATCH_BODY || scope == Scope.CYCLE_BODY
                || scope == Scope.ORG_PUT;
    }
}
