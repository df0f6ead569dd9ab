package org.dangjian.notification.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicInteger;
import org.dangjian.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Resilience4j around every send: retry with exponential backoff, each attempt through the circuit breaker of the
 * endpoint (one per webhook host, one for the mail server). An open breaker fails fast and is not retried.
 */
@Component
public class DeliveryGuard {

    private final CircuitBreakerRegistry breakers;
    private final RetryConfig retryConfig;

    public DeliveryGuard(NotificationProperties properties) {
        var b = properties.delivery().breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRateThreshold())
                .minimumNumberOfCalls(b.minimumCalls())
                .slidingWindowSize(b.windowSize())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        var r = properties.delivery().retry();
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(r.initialBackoff(), r.multiplier()))
                .retryExceptions(Exception.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build();
    }

    /**
     * Runs {@code send} under retry and the endpoint's breaker, counting the attempts that reached the endpoint.
     * Throws the last failure once retries are exhausted or the breaker is open.
     */
    public void run(String endpoint, CheckedRunnable send, AtomicInteger attempts) throws Throwable {
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
        CheckedRunnable counted = () -> {
            attempts.incrementAndGet();
            send.run();
        };
        Retry retry = Retry.of(endpoint, retryConfig);
        Retry.decorateCheckedRunnable(retry, CircuitBreaker.decorateCheckedRunnable(breaker, counted)).run();
    }

    public CircuitBreaker.State state(String endpoint) {
        return breakers.circuitBreaker(endpoint).getState();
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }
}
