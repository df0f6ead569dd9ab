package org.dangjian.activity.org;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dangjian.activity.publish.KafkaPublisher;
import org.dangjian.contracts.org.OrgState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every organisation whose stored state is newer than what the compacted topic has (the
 * {@code dirty} flag is the outbox). One thread does it, so an organisation's versions go out in order; a
 * failure leaves the flag set and the next sweep tries again.
 */
@Component
public class OrgPublisher implements DisposableBean {

    public static final String CE_TYPE = "dangjian.org.state.v1";
    private static final Logger log = LoggerFactory.getLogger(OrgPublisher.class);

    private final OrgStore store;
    private final OrgService service;
    private final KafkaPublisher kafka;
    private final JsonMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "org-publisher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public OrgPublisher(OrgStore store, @Lazy OrgService service, KafkaPublisher kafka, JsonMapper json) {
        this.store = store;
        this.service = service;
        this.kafka = kafka;
        this.json = json;
    }

    /** Asks for a publishing round soon (coalesced: at most one waits). */
    public void trigger() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    @Scheduled(fixedDelayString = "${dangjian.activity.publish.relay-interval:1s}", initialDelay = 1000)
    void sweep() {
        try {
            service.repair();
        } catch (RuntimeException e) {
            log.warn("Org subtree repair failed: {}", e.toString());
        }
        trigger();
    }

    void drain() {
        try {
            while (true) {
                List<Org> dirty = store.dirty(500);
                if (dirty.isEmpty()) {
                    return;
                }
                Set<String> needed = new HashSet<>();
                dirty.forEach(o -> needed.addAll(o.ancestors()));
                Map<String, Org> ancestors = new HashMap<>(store.findAll(needed));
                Map<String, Long> published = new LinkedHashMap<>();
                try {
                    for (Org org : dirty) {
                        OrgState state = OrgService.toState(org, OrgService.effectivePolicy(org, ancestors));
                        kafka.send(new KafkaPublisher.Envelope(KafkaPublisher.ORGS_BINDING, org.orgId(),
                                org.orgId() + ":" + org.version(), CE_TYPE, org.orgId(), org.updatedAt(), null,
                                json.writeValueAsBytes(state)));
                        published.put(org.orgId(), org.version());
                    }
                } finally {
                    store.markPublished(published);
                }
                if (dirty.size() < 500) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.debug("Org publishing paused: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
