package org.dangjian.activity.publish;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dangjian.activity.config.ActivityProperties;
import org.dangjian.contracts.CloudEventHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends one CloudEvents binary-mode record through StreamBridge (producer bindings are {@code sync}, so a return
 * means the broker acknowledged it), guarded by a Resilience4j retry around a circuit breaker: while the broker
 * is down the breaker opens and callers fail at once instead of waiting on Kafka timeouts.
 */
@Component
public class KafkaPublisher {

    public static final String ACTIVITIES_BINDING = "activities-out-0";
    public static final String ORGS_BINDING = "orgs-out-0";
    /** The activities binding is asynchronous; the binder reports each acknowledged record on this channel. */
    public static final String ACK_CHANNEL = "activityPublishAcks";
    /** Longer than the producer's delivery.timeout.ms, so Kafka has settled every record before we give up. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(5);

    private final StreamBridge streamBridge;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final String source;
    private final Map<String, CompletableFuture<Void>> awaitingAck = new ConcurrentHashMap<>();

    public KafkaPublisher(StreamBridge streamBridge, ActivityProperties properties,
            @Qualifier(ACK_CHANNEL) SubscribableChannel acks) {
        this.streamBridge = streamBridge;
        acks.subscribe(ack -> {
            Object id = ack.getHeaders().get(CloudEventHeaders.ID);
            CompletableFuture<Void> f = id == null ? null : awaitingAck.get(id.toString());
            if (f != null) {
                f.complete(null);
            }
        });
        this.source = properties.source();
        ActivityProperties.Publish p = properties.publish();
        this.breaker = CircuitBreaker.of("kafka-publish", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.breakerWindow())
                .minimumNumberOfCalls(p.breakerMinimumCalls())
                .failureRateThreshold(p.breakerFailureRate())
                .waitDurationInOpenState(p.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        this.retry = Retry.of("kafka-publish", RetryConfig.custom()
                .maxAttempts(Math.max(1, p.retryAttempts()))
                .waitDuration(p.retryWait())
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
    }

    /** A CloudEvent to send: {@code key} is the organisation id. */
    public record Envelope(String binding, String key, String id, String type, String subject, Instant time,
            String correlationId, byte[] data) {
    }

    /** Sends and waits for the broker's acknowledgement; throws when it could not (the caller keeps it unpublished). */
    public void send(Envelope e) {
        Message<byte[]> message = toMessage(e);
        Supplier<Boolean> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, () -> {
                    if (!streamBridge.send(e.binding(), message)) {
                        throw new IllegalStateException("StreamBridge refused " + e.id());
                    }
                    return Boolean.TRUE;
                }));
        guarded.get();
    }

    /**
     * Sends records on an asynchronous binding, pipelined, and waits for the broker's acknowledgements. Returns
     * which were acknowledged (same order as given). Behind the same breaker and retry as {@link #send}: the retry
     * re-sends only what was not acknowledged; when the breaker is open nothing is sent.
     */
    public boolean[] sendAll(List<Envelope> envelopes) {
        boolean[] acked = new boolean[envelopes.size()];
        if (envelopes.isEmpty()) {
            return acked;
        }
        Supplier<Boolean> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> {
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < acked.length; i++) {
                if (!acked[i]) {
                    todo.add(i);
                }
            }
            sendAndAwait(envelopes, todo, acked);
            for (int i : todo) {
                if (!acked[i]) {
                    throw new IllegalStateException("Kafka did not acknowledge " + envelopes.get(i).id());
                }
            }
            return Boolean.TRUE;
        }));
        try {
            guarded.get();
        } catch (RuntimeException e) {
            // What was acknowledged is in acked[]; the rest stays in the outbox.
        }
        return acked;
    }

    private void sendAndAwait(List<Envelope> envelopes, List<Integer> todo, boolean[] acked) {
        Map<Integer, CompletableFuture<Void>> futures = new java.util.LinkedHashMap<>();
        try {
            for (int i : todo) {
                Envelope e = envelopes.get(i);
                CompletableFuture<Void> f = new CompletableFuture<>();
                awaitingAck.put(e.id(), f);
                futures.put(i, f);
                try {
                    if (!streamBridge.send(e.binding(), toMessage(e))) {
                        f.completeExceptionally(new IllegalStateException("StreamBridge refused " + e.id()));
                        break;
                    }
                } catch (RuntimeException sendFailed) {
                    // Not handed to the producer (e.g. no metadata within max.block.ms): stop, keep the order.
                    f.completeExceptionally(sendFailed);
                    break;
                }
            }
        } finally {
            long deadline = System.nanoTime() + ACK_WAIT.toNanos();
            futures.forEach((i, f) -> {
                try {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acked[i] = true;
                } catch (Exception notAcked) {
                    acked[i] = false;
                }
            });
            for (int i : futures.keySet()) {
                awaitingAck.remove(envelopes.get(i).id());
            }
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    Message<byte[]> toMessage(Envelope e) {
        MessageBuilder<byte[]> b = MessageBuilder.withPayload(e.data())
                .setHeader(KafkaHeaders.KEY, e.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .setHeader(CloudEventHeaders.ID, e.id())
                .setHeader(CloudEventHeaders.TYPE, e.type())
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, e.time().toString())
                .setHeader(CloudEventHeaders.SUBJECT, e.subject())
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .setHeader(MessageHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (e.correlationId() != null) {
            b.setHeader(CloudEventHeaders.CORRELATION_ID, e.correlationId());
        }
        return b.build();
    }
}
