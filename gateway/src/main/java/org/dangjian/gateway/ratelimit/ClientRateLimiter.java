package org.dangjian.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One in-memory Bucket4j bucket per client; answers "go ahead" or "wait this long". */
public final class ClientRateLimiter {

    /** The outcome for one request; {@code retryAfter} is zero when allowed. */
    public record Verdict(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final RateLimitProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    public Verdict tryAcquire(String client) {
        if (buckets.size() >= properties.maxTrackedClients() && !buckets.containsKey(client)) {
            forgetIdle();
        }
        Bucket bucket = buckets.computeIfAbsent(client, this::newBucket);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Verdict(true, probe.getRemainingTokens(), Duration.ZERO);
        }
        return new Verdict(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(String client) {
        RateLimitProperties.Limit limit = properties.clients().getOrDefault(client, properties.defaults());
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                        .build())
                .build();
    }

    /** Full buckets carry no information: dropping them bounds memory without loosening any limit. */
    private void forgetIdle() {
        buckets.entrySet().removeIf(e -> {
            RateLimitProperties.Limit limit = properties.clients().getOrDefault(e.getKey(), properties.defaults());
            return e.getValue().getAvailableTokens() >= limit.capacity();
        });
    }
}
