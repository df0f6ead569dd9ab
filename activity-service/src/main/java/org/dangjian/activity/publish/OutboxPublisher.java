package org.dangjian.activity.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.dangjian.activity.config.ActivityProperties;
import org.dangjian.activity.log.ActivityStore;
import org.dangjian.activity.log.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets stored events onto the activities topic, in order per organisation, without ever holding up a request.
 *
 * <p>Each organisation belongs to one lane (one thread with a queue), so everything sent for it, whether right
 * after storing or drained later from the log, leaves in sequence. A lane takes whatever has queued up (up to
 * 1,000 events), sends it pipelined and waits for the acknowledgements. A failure puts the organisation in the
 * backlog: from then on its new events stay in the log and the relay drains them, oldest first, once the circuit
 * breaker lets calls through again. Published flags are written in bulk, never one by one.
 */
@Component
public class OutboxPublisher implements DisposableBean, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int DRAIN_CHUNK = 1000;
    private static final int LANE_BATCH = 1000;

    /** A lane's work item: an event just stored, or a request to drain an organisation from the log. */
    private record Drain(String orgId) {
    }

    private final ActivityStore store;
    private final KafkaPublisher kafka;
    private final JsonMapper json;
    private final ActivityProperties.Publish settings;
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Thread> lanes = new ArrayList<>();
    private volatile boolean running = true;
    /** Organisations whose unpublished events only the relay may send (to keep their order). */
    private final Set<String> backlog = ConcurrentHashMap.newKeySet();
    private final Set<String> drainQueued = ConcurrentHashMap.newKeySet();
    /**
     * Highest seq a drain has sent per organisation (only the organisation's lane writes it): an event queued for
     * immediate publishing at or below it went out with the drain already. Immediate sends do not move it, since
     * concurrent requests may hand their events over in a different order than their seq.
     */
    private final Map<String, Long> drainedUpTo = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> pendingMarks = new ConcurrentLinkedQueue<>();
    private final ReentrantLock markLock = new ReentrantLock();
    private volatile Instant nextFullSweep = Instant.EPOCH;

    public OutboxPublisher(ActivityStore store, KafkaPublisher kafka, JsonMapper json, ActivityProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.json = json;
        this.settings = properties.publish();
        for (int i = 0; i < Math.max(1, settings.lanes()); i++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(settings.laneQueueCapacity());
            queues.add(queue);
            Thread t = new Thread(() -> runLane(queue), "outbox-lane-" + i);
            t.setDaemon(true);
            lanes.add(t);
        }
    }

    /** Whatever the previous run left unpublished goes first: those organisations start in the backlog. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            backlog.addAll(store.unpublishedOrgs(100_000).keySet());
        } catch (RuntimeException e) {
            log.warn("Could not read the outbox at start: {}", e.toString());
        }
        lanes.forEach(Thread::start);
    }

    /** Called right after an event is stored: publish it soon, on its organisation's lane. */
    public void submit(StoredEvent e) {
        if (!queue(e.orgId()).offer(e)) {
            backlog.add(e.orgId());
        }
    }

    public void submitAll(List<StoredEvent> events) {
        events.forEach(this::submit);
    }

    private void runLane(BlockingQueue<Object> queue) {
        List<Object> items = new ArrayList<>(LANE_BATCH);
        while (running) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                items.add(first);
                queue.drainTo(items, LANE_BATCH - 1);
                process(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox lane round failed: {}", e.toString());
            } finally {
                items.clear();
            }
        }
    }

    private void process(List<Object> items) {
        List<StoredEvent> fresh = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof StoredEvent e) {
                if (!backlog.contains(e.orgId()) && e.seq() > drainedUpTo.getOrDefault(e.orgId(), Long.MIN_VALUE)) {
                    fresh.add(e);
                }
            } else if (item instanceof Drain d) {
                publish(fresh, false);
                fresh.clear();
                drainQueued.remove(d.orgId());
                drain(d.orgId());
            }
        }
        publish(fresh, false);
    }

    /**
     * Sends events (several organisations, each in its order) and records what the broker acknowledged. For each
     * organisation only the acknowledged events before its first failure count as published; the organisation then
     * goes to the backlog, and the relay resends the rest in order. Returns whether everything went.
     */
    private boolean publish(List<StoredEvent> events, boolean markNow) {
        if (events.isEmpty()) {
            return true;
        }
        List<KafkaPublisher.Envelope> envelopes = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            envelopes.add(new KafkaPublisher.Envelope(KafkaPublisher.ACTIVITIES_BINDING, e.orgId(), e.eventId(),
                    e.type().cloudEventType(), e.orgId(), e.recordedAt(), e.correlationId(),
                    json.writeValueAsBytes(e.toActivityEvent())));
        }
        boolean[] acked = kafka.sendAll(envelopes);
        Set<String> failedOrgs = new LinkedHashSet<>();
        List<String> published = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            if (acked[i] && !failedOrgs.contains(e.orgId())) {
                published.add(e.eventId());
                if (markNow) {
                    drainedUpTo.merge(e.orgId(), e.seq(), Math::max);
                }
            } else if (!acked[i]) {
                failedOrgs.add(e.orgId());
            }
        }
        backlog.addAll(failedOrgs);
        if (markNow) {
            store.markPublished(published);
        } else {
            pendingMarks.addAll(published);
        }
        if (!failedOrgs.isEmpty()) {
            log.debug("Publishing deferred to the relay for {}", failedOrgs);
        }
        return failedOrgs.isEmpty();
    }

    /**
     * The relay: drains every organisation in the backlog; every {@code fullSweepInterval} it also scans the log
     * for organisations whose oldest unpublished event is overdue (published by nobody, e.g. after a crash).
     */
    @Scheduled(fixedDelayString = "${dangjian.activity.publish.relay-interval:1s}", initialDelay = 500)
    public void relay() {
        try {
            flushMarks();
            if (kafka.breakerState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
                return; // nothing would get through; the breaker half-opens by itself after its wait
            }
            backlog.forEach(this::requestDrain);
            Instant now = Instant.now();
            if (now.isAfter(nextFullSweep)) {
                nextFullSweep = now.plus(settings.fullSweepInterval());
                Instant overdue = now.minus(settings.relayGrace());
                store.unpublishedOrgs(50_000).forEach((org, oldest) -> {
                    if (oldest.isBefore(overdue)) {
                        requestDrain(org);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed: {}", e.toString());
        }
    }

    private void requestDrain(String org) {
        if (drainQueued.add(org) && !queue(org).offer(new Drain(org))) {
            drainQueued.remove(org);
        }
    }

    /** On the organisation's lane: publishes its unpublished events oldest first, stops at the first failure. */
    private void drain(String org) {
        try {
            flushMarks();
            while (true) {
                List<StoredEvent> chunk = store.unpublished(org, DRAIN_CHUNK);
                if (chunk.isEmpty()) {
                    backlog.remove(org);
                    return;
                }
                if (!publish(chunk, true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            backlog.add(org);
            log.warn("Relay for {} failed: {}", org, e.toString());
        }
    }

    /** Writes the published flags collected since the last flush, a thousand per update. */
    @Scheduled(fixedDelayString = "${dangjian.activity.publish.mark-flush-interval:200ms}")
    public void flushMarks() {
        markLock.lock();
        try {
            List<String> ids = new ArrayList<>();
            for (String id; (id = pendingMarks.poll()) != null;) {
                ids.add(id);
                if (ids.size() == 1000) {
                    write(ids);
                    ids = new ArrayList<>();
                }
            }
            write(ids);
        } finally {
            markLock.unlock();
        }
    }

    private void write(List<String> ids) {
        try {
            store.markPublished(ids);
        } catch (RuntimeException e) {
            pendingMarks.addAll(ids);
            throw e;
        }
    }

    private BlockingQueue<Object> queue(String orgId) {
        return queues.get(Math.floorMod(orgId.hashCode(), queues.size()));
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread lane : lanes) {
            lane.join(TimeUnit.SECONDS.toMillis(10));
        }
        try {
            flushMarks();
        } catch (RuntimeException e) {
            log.warn("Final flush of published flags failed (the relay will republish): {}", e.toString());
        }
    }
}
