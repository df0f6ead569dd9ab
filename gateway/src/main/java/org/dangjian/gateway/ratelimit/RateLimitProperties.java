package org.dangjian.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per client (token subject): a token bucket of {@code capacity} (the burst), refilled with
 * {@code refillTokens} every {@code refillPeriod}. {@code clients} overrides the limit for named subjects
 * (a county platform relaying for hundreds of branches may need more).
 */
@ConfigurationProperties("dangjian.gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Limit defaults, Map<String, Limit> clients,
        int maxTrackedClients) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        defaults = defaults == null ? new Limit(400, 200, Duration.ofSeconds(1)) : defaults;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        maxTrackedClients = maxTrackedClients <= 0 ? 100_000 : maxTrackedClients;
    }

    /** One bucket shape. */
    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {

        public Limit {
            if (capacity <= 0 || refillTokens <= 0 || refillPeriod == null || refillPeriod.isNegative()
                    || refillPeriod.isZero()) {
                throw new IllegalArgumentException("a rate limit needs capacity, refill-tokens and refill-period > 0");
            }
        }
    }
}
