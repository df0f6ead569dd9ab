package org.dangjian.gateway.ratelimit;

import org.dangjian.gateway.problem.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    ClientRateLimiter clientRateLimiter(RateLimitProperties properties) {
        return new ClientRateLimiter(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientRateLimiter limiter, Problems problems, RateLimitProperties properties) {
        return new RateLimitFilter(limiter, problems, properties.enabled());
    }
}
