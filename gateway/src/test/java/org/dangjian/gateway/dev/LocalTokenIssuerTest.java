package org.dangjian.gateway.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalTokenIssuerTest {

    @TempDir
    Path dir;

    @Test
    void aKeptKeyLetsTokensOutliveARestart() throws Exception {
        Path keyFile = dir.resolve("gateway/dev-token-key.pem");
        LocalTokenIssuer before = new LocalTokenIssuer(new DevTokenProperties(null, null, keyFile));
        String token = before.mint("secretary", List.of("LEADER"), "b-001");

        LocalTokenIssuer after = new LocalTokenIssuer(new DevTokenProperties(null, null, keyFile));
        Jwt jwt = NimbusJwtDecoder.withPublicKey(after.publicKey()).build().decode(token);

        assertThat(jwt.getSubject()).isEqualTo("secretary");
        assertThat(jwt.getClaimAsString("org")).isEqualTo("b-001");
        assertThat(keyId(token)).isEqualTo(keyId(after.mint("x", List.of(), "b-001")));
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void withoutAKeyFileEveryStartHasItsOwnKey() {
        LocalTokenIssuer one = new LocalTokenIssuer(new DevTokenProperties(null, null, null));
        LocalTokenIssuer two = new LocalTokenIssuer(new DevTokenProperties(null, null, null));
        assertThat(one.publicKey()).isNotEqualTo(two.publicKey());
    }

    @Test
    void aFileThatHoldsNoKeyIsRefusedClearly() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nbm9wZQ==\n");
        assertThatThrownBy(() -> new LocalTokenIssuer(new DevTokenProperties(null, null, keyFile)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.pem");
    }

    private static String keyId(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
