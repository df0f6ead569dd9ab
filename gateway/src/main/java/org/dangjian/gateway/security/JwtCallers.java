package org.dangjian.gateway.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller out of a verified token, with the claim names from {@link SecurityProperties}. */
public final class JwtCallers {

    private final SecurityProperties properties;

    public JwtCallers(SecurityProperties properties) {
        this.properties = properties;
    }

    public Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), Caller.rolesFrom(jwt.getClaims().get(properties.rolesClaim())),
                jwt.getClaimAsString(properties.orgClaim()));
    }

    /** Spring Security authorities ({@code ROLE_ADMIN} ...), used for the actuator's management endpoints. */
    public Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = Caller.rolesFrom(jwt.getClaims().get(properties.rolesClaim())).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return authorities;
    }
}
