package org.dangjian.gateway.dev;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded token issuer of the {@code local} profile.
 *
 * @param issuer the {@code iss} it writes and the decoder requires
 * @param ttl     how long a minted token is valid
 * @param keyFile where the signing key is kept so tokens outlive a restart (the local stack puts it in its data
 *                folder); when absent, a fresh key is made at every start
 */
@ConfigurationProperties("dangjian.gateway.dev-tokens")
public record DevTokenProperties(String issuer, Duration ttl, Path keyFile) {

    public DevTokenProperties {
        issuer = issuer == null || issuer.isBlank() ? "urn:dangjian:local" : issuer;
        ttl = ttl == null ? Duration.ofHours(8) : ttl;
    }
}
