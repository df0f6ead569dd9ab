package org.dangjian.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dangjian.gateway.access.Role;

/**
 * Who is calling, as the verified token says: its subject, its roles (unknown role names are ignored) and the
 * organisation whose subtree it reaches.
 */
public record Caller(String subject, Set<Role> roles, String orgId) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Reads a roles claim that is a list of strings or one string separated by spaces or commas. */
    public static Set<Role> rolesFrom(Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> names.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            names.addAll(List.of(s.split("[\\s,]+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role.parse(name.trim().toUpperCase(Locale.ROOT)).ifPresent(roles::add);
        }
        return roles;
    }

    /** The roles as the services receive them in {@code X-Dangjian-Roles}. */
    public String rolesHeader() {
        return String.join(",", roles.stream().sorted().map(Role::name).toList());
    }
}
