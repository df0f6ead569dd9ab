package org.dangjian.gateway.access;

import java.util.Optional;

/** What a token may do (DESIGN.md, "Roles"); each role reaches only the token's organisation and its subtree. */
public enum Role {
    /** A branch's system (or a platform relaying for branches) posting activities. */
    BRANCH_SYSTEM,
    /** A secretary or leader reading reports, activities and notifications. */
    LEADER,
    /** A committee running reviews of its subordinate organisations. */
    COMMITTEE,
    /** Manages the organisation tree, the roster, notification settings and admin endpoints. */
    ADMIN;

    public static Optional<Role> parse(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
