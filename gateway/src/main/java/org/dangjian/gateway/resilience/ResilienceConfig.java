package org.dangjian.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every route's CircuitBreaker filter gets its breaker and time limit from {@link ResilienceProperties}. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfig {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties p) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(p.failureRateThreshold())
                        .slowCallDurationThreshold(p.slowCallDurationThreshold())
                        .slidingWindowSize(p.slidingWindowSize())
                        .minimumNumberOfCalls(p.minimumNumberOfCalls())
                        .waitDurationInOpenState(p.waitDurationInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(p.permittedCallsInHalfOpen())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(p.timeout()).build())
                .build());
    }
}
