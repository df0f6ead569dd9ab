package org.dangjian.notification.delivery;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Publishes the delivery breakers' state and calls to Micrometer (Prometheus: resilience4j_circuitbreaker_*). */
@Component
public class BreakerMetrics {

    public BreakerMetrics(DeliveryGuard guard, ObjectProvider<MeterRegistry> registry) {
        registry.ifAvailable(r -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guard.breakers()).bindTo(r));
    }
}
