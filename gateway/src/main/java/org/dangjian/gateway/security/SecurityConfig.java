package org.dangjian.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.dangjian.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Authentication: every API call needs a valid bearer JWT (OAuth2 resource server). Docs, health and the local
 * token endpoint are open. Role and organisation checks come after, in the authorisation filter, because they
 * need the route table and the tree replica.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static final List<String> OPEN_PATHS = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs",
            "/v3/api-docs/**", "/api/docs/**");

    @Bean
    JwtCallers jwtCallers(SecurityProperties properties) {
        return new JwtCallers(properties);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            JwtCallers callers, Problems problems, Environment environment) {
        List<String> open = new ArrayList<>(OPEN_PATHS);
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            open.add("/api/dev/tokens");
        }
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) -> {
            boolean badToken = e instanceof OAuth2AuthenticationException
                    || e.getCause() instanceof BadJwtException;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.unauthorized(exchange, badToken ? "令牌无效、已过期或签名不符" : "缺少身份令牌（Authorization: Bearer）");
        };
        ServerAccessDeniedHandler deniedHandler = (exchange, e) -> problems.forbidden(exchange, "无权访问该资源");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        // Only the gateway itself forwards here (the circuit breaker's fallback).
                        .pathMatchers("/fallback/**").denyAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(jwt -> Mono.just(
                                (AbstractAuthenticationToken) new JwtAuthenticationToken(jwt, callers.authorities(jwt),
                                        jwt.getSubject()))))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .build();
    }

    /**
     * Spring Security's firewall refuses paths a service could read differently (.., //, ;, encoded / . \\) before
     * anything else; its refusal becomes a 400 problem+json naming the path.
     */
    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange(Problems problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Bad Request",
                "请求路径不规范，不予转发", List.of(new Problems.FieldError("path", "路径含有 .、..、//、; 或编码的分隔符")));
    }

    /** A real identity provider: keys from its JWK set (or found through the issuer's discovery document). */
    @Bean
    @Profile("!local")
    ReactiveJwtDecoder identityProviderJwtDecoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (properties.issuer() != null) {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer()).build();
        } else {
            log.warn("No identity provider configured (dangjian.gateway.security.jwk-set-uri / issuer): every API "
                    + "call will be refused with 401. Run with --spring.profiles.active=local for the embedded one.");
            return token -> Mono.error(new BadJwtException("no identity provider configured"));
        }
        decoder.setJwtValidator(validator(properties.issuer()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
    }
}
