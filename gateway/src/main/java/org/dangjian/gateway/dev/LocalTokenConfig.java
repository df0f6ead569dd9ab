package org.dangjian.gateway.dev;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The embedded default (profile {@code local} only): the gateway is its own identity provider. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalTokenConfig {

    @Bean
    LocalTokenIssuer localTokenIssuer(DevTokenProperties properties) {
        return new LocalTokenIssuer(properties);
    }

    @Bean
    ReactiveJwtDecoder localJwtDecoder(LocalTokenIssuer issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
        return decoder;
    }
}
