package org.dangjian.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker and time limit every route gets (one breaker per service).
 *
 * @param timeout                    a downstream answer slower than this becomes a 503
 * @param failureRateThreshold       percentage of failed calls that opens the breaker
 * @param slowCallDurationThreshold  calls slower than this count as slow
 * @param slidingWindowSize          how many recent calls the failure rate is taken over
 * @param minimumNumberOfCalls       calls needed before the rate means anything
 * @param waitDurationInOpenState    how long an open breaker refuses before letting trial calls through
 * @param permittedCallsInHalfOpen   trial calls that decide whether to close again
 * @param retryAfter                 the {@code Retry-After} the 503 answer suggests
 */
@ConfigurationProperties("dangjian.gateway.resilience")
public record ResilienceProperties(Duration timeout, float failureRateThreshold, Duration slowCallDurationThreshold,
        int slidingWindowSize, int minimumNumberOfCalls, Duration waitDurationInOpenState,
        int permittedCallsInHalfOpen, Duration retryAfter) {

    public ResilienceProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
        slowCallDurationThreshold = slowCallDurationThreshold == null ? timeout : slowCallDurationThreshold;
        slidingWindowSize = slidingWindowSize <= 0 ? 20 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls <= 0 ? 10 : minimumNumberOfCalls;
        waitDurationInOpenState = waitDurationInOpenState == null ? Duration.ofSeconds(10) : waitDurationInOpenState;
        permittedCallsInHalfOpen = permittedCallsInHalfOpen <= 0 ? 3 : permittedCallsInHalfOpen;
        retryAfter = retryAfter == null ? waitDurationInOpenState : retryAfter;
    }
}
