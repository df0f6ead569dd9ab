package org.dangjian.gateway.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The local profile's identity provider: an RSA key, used to sign the tokens {@code POST /api/dev/tokens} mints
 * and to verify every request. Made at startup, or kept in {@code key-file} so tokens survive a restart.
 */
public final class LocalTokenIssuer {

    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;
    private final String keyId;
    private final DevTokenProperties properties;

    public LocalTokenIssuer(DevTokenProperties properties) {
        this.properties = properties;
        KeyPair pair = properties.keyFile() == null ? generate() : loadOrCreate(properties.keyFile());
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.keyId = thumbprint(publicKey);
        this.encoder = NimbusJwtEncoder.withKeyPair(publicKey, (RSAPrivateKey) pair.getPrivate())
                .jwkPostProcessor(b -> b.keyID(keyId))
                .build();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The private key as PKCS#8 PEM; the public key is derived from it. Written owner-only on first use. */
    private static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())),
                        key);
            }
            KeyPair pair = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("dev token key file " + file, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("dev token key file " + file + " does not hold an RSA private key", e);
        }
    }

    /** Stable for a kept key, so a restarted gateway names its key as before. */
    private static String thumbprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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
