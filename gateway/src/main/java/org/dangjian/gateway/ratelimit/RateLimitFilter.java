package org.dangjian.gateway.ratelimit;

import java.security.Principal;
import org.dangjian.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each authenticated client (the token's subject) and answers 429 problem+json with {@code Retry-After}
 * (whole seconds, at least 1) when its bucket is empty. Runs after authentication, before the body is read.
 */
public class RateLimitFilter implements WebFilter, org.springframework.core.Ordered {

    public static final int ORDER = -50;

    private static final ClientRateLimiter.Verdict ANONYMOUS =
            new ClientRateLimiter.Verdict(true, 0, java.time.Duration.ZERO);

    private final ClientRateLimiter limiter;
    private final Problems problems;
    private final boolean enabled;

    public RateLimitFilter(ClientRateLimiter limiter, Problems problems, boolean enabled) {
        this.limiter = limiter;
        this.problems = problems;
        this.enabled = enabled;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(limiter::tryAcquire)
                // Anonymous requests reach only open paths (docs, health); the limit is per client.
                .defaultIfEmpty(ANONYMOUS)
                .flatMap(verdict -> {
                    if (verdict.allowed()) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too Many Requests", "请求过于频繁，请在 " + seconds + " 秒后重试");
                });
    }
}
