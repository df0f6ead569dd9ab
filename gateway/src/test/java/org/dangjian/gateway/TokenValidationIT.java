package org.dangjian.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/** Only tokens signed by the configured key, unexpired and untouched, get in; everything else is 401. */
class TokenValidationIT extends GatewayITBase {

    private static final String REPORT = "/api/reports/t-branch-1/2026";

    @Test
    void aValidTokenGetsIn() {
        client.get().uri(REPORT).headers(h -> h.setBearerAuth(token("leader", "t-branch-1", "LEADER")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void noTokenIs401ProblemJson() {
        client.get().uri(REPORT).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aTamperedTokenIs401() {
        String token = token("leader", "t-branch-1", "LEADER");
        String[] parts = token.split("\\.");
        Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        claims.put("org", "t-county");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(forged);
    }

    @Test
    void anExpiredTokenIs401() {
        // Well past the validator's 60 s clock skew.
        String expired = tokens.mint("leader", List.of("LEADER"), "t-branch-1",
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertUnauthorized(expired);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws NoSuchAlgorithmException, JOSEException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(tokens.issuer())
                .subject("intruder")
                .claim("roles", List.of("ADMIN"))
                .claim("org", "t-county")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        assertUnauthorized(jwt.serialize());
    }

    @Test
    void anUnsignedTokenIs401() {
        String token = token("leader", "t-branch-1", "LEADER");
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(none + "." + parts[1] + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c"})
    void garbageIs401(String token) {
        assertUnauthorized(token);
    }

    @Test
    void theDevEndpointMintsATokenTheGatewayAccepts() {
        String token = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"subject":"e2e","roles":["LEADER","BRANCH_SYSTEM"],"orgId":"t-branch-1"}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
        client.get().uri(REPORT).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers['x-dangjian-roles']").isEqualTo("BRANCH_SYSTEM,LEADER");
    }

    @Test
    void theDevEndpointNamesWhatIsMissing() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"subject":"e2e","roles":["PRESIDENT"]}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:validation")
                .jsonPath("$.errors[?(@.field == 'orgId')]").exists()
                .jsonPath("$.errors[?(@.field == 'roles[0]')]").exists();
    }

    private void assertUnauthorized(String token) {
        client.get().uri(REPORT).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:dangjian:problem:unauthorized");
    }
}
