package org.dangjian.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.dangjian.contracts.Topics;
import org.dangjian.gateway.dev.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Without the {@code local} profile the gateway is a plain resource server of a real identity provider (here a
 * JWK set served over HTTP): its tokens work, and the dev token endpoint does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dangjian.gateway.org-replica.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "dangjian.gateway.security.issuer=https://idp.example.org",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN"})
@EmbeddedKafka(partitions = 1, topics = Topics.ORGS)
class NonLocalProfileIT {

    private static final RSAKey IDP_KEY = generateKey();
    private static final MockWebServer IDP = idp();
    private static final Downstream REPORT = new Downstream("report").start();

    @DynamicPropertySource
    static void idpAndServices(DynamicPropertyRegistry registry) {
        registry.add("dangjian.gateway.security.jwk-set-uri", () -> IDP.url("/jwks").toString());
        registry.add("dangjian.services.report", REPORT::url);
    }

    @AfterAll
    static void stop() {
        IDP.close();
        REPORT.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Test
    void theDevTokenEndpointDoesNotExist() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"x\",\"roles\":[\"ADMIN\"],\"orgId\":\"b-001\"}")
                .exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(idpToken("https://idp.example.org")))
                .bodyValue("{\"subject\":\"x\",\"roles\":[\"ADMIN\"],\"orgId\":\"b-001\"}")
                .exchange()
                .expectStatus().isNotFound();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(LocalTokenIssuer.class))
                .isInstanceOf(NoSuchBeanDefinitionException.class);
    }

    @Test
    void theIdentityProvidersTokensAreAccepted() {
        client.get().uri("/api/reports/b-001/2026")
                .headers(h -> h.setBearerAuth(idpToken("https://idp.example.org")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers['x-dangjian-org']").isEqualTo("b-001");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        client.get().uri("/api/reports/b-001/2026")
                .headers(h -> h.setBearerAuth(idpToken("https://elsewhere.example.org")))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private static String idpToken(String issuer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IDP_KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder()
                            .issuer(issuer)
                            .subject("leader-of-b-001")
                            .claim("roles", List.of("LEADER"))
                            .claim("org", "b-001")
                            .issueTime(new Date())
                            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                            .build());
            jwt.sign(new RSASSASigner(IDP_KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockWebServer idp() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(new JWKSet(IDP_KEY.toPublicJWK()).toString()).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
