package org.dangjian.gateway.dev;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The local profile's identity provider: an RSA key made at startup (never stored, so tokens die with the
 * process), used to sign the tokens {@code POST /api/dev/tokens} mints and to verify every request.
 */
public final class LocalTokenIssuer {

    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;
    private final String keyId = UUID.randomUUID().toString();
    private final DevTokenProperties properties;

    public LocalTokenIssuer(DevTokenProperties properties) {
        this.properties = properties;
        KeyPair pair = generate();
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.encoder = NimbusJwtEncoder.withKeyPair(publicKey, (RSAPrivateKey) pair.getPrivate())
                .jwkPostProcessor(b -> b.keyID(keyId))
                .build();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String issuer() {
        return properties.issuer();
    }

    /** A token valid for the configured lifetime. */
    public String mint(String subject, List<String> roles, String orgId) {
        return mint(subject, roles, orgId, Instant.now(), properties.ttl());
    }

    /** A token issued at {@code issuedAt} living {@code ttl} (tests use it for expired tokens). */
    public String mint(String subject, List<String> roles, String orgId, Instant issuedAt, Duration ttl) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(subject)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(ttl))
                .claim("roles", List.copyOf(roles))
                .claim("org", orgId)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
