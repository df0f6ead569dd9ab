package org.dangjian.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks tokens from a real identity provider (every profile except {@code local}).
 *
 * @param issuer     the expected {@code iss}; when set without a JWK set URI, keys are found by OIDC discovery
 * @param jwkSetUri  where the provider publishes its signing keys
 * @param rolesClaim the claim holding the roles (a list, or one string separated by spaces or commas)
 * @param orgClaim   the claim holding the caller's organisation id
 */
@ConfigurationProperties("dangjian.gateway.security")
public record SecurityProperties(String issuer, String jwkSetUri, String rolesClaim, String orgClaim) {

    public SecurityProperties {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        orgClaim = orgClaim == null || orgClaim.isBlank() ? "org" : orgClaim;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
