package org.dangjian.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    @Test
    void eachClientHasItsOwnBucketAndOverridesApply() {
        RateLimitProperties properties = new RateLimitProperties(true,
                new RateLimitProperties.Limit(2, 1, Duration.ofMinutes(1)),
                Map.of("big", new RateLimitProperties.Limit(5, 1, Duration.ofMinutes(1))), 0);
        ClientRateLimiter limiter = new ClientRateLimiter(properties);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        ClientRateLimiter.Verdict refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("big").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("big").allowed()).isFalse();
    }

    @Test
    void forgettingIdleClientsNeverLoosensALimit() {
        RateLimitProperties properties = new RateLimitProperties(true,
                new RateLimitProperties.Limit(1, 1, Duration.ofMinutes(1)), Map.of(), 2);
        ClientRateLimiter limiter = new ClientRateLimiter(properties);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("c").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }
}
