package org.dangjian.report.stream;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.dangjian.report.config.ReportProperties;
import org.dangjian.report.projection.ProjectionListener;
import org.dangjian.report.report.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live reports over server-sent events. After each projection write the changed org and all its ancestors (by
 * the current tree) are notified; every open stream on one of them gets the fresh report (event {@code report}).
 * Sending happens on a small executor so a slow client never holds up the Kafka consumer.
 */
@Component
public class ReportStreams implements ProjectionListener {

    private static final Logger log = LoggerFactory.getLogger(ReportStreams.class);

    private final ReportService reports;
    private final ReportProperties properties;
    private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-sse");
        t.setDaemon(true);
        return t;
    });

    public ReportStreams(ReportService reports, ReportProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    public SseEmitter open(String orgId, int year, boolean subtree) {
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        Subscription s = new Subscription(orgId, year, subtree, emitter);
        String key = key(orgId, year);
        subscriptions.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(s);
        Runnable remove = () -> subscriptions.getOrDefault(key, List.of()).remove(s);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        sender.execute(() -> send(s));
        return emitter;
    }

    /**
     * Called on the consumer thread after a write: hands the work to the sender at once. There the changed orgs'
     * ancestors are looked up in one query, and each open stream whose org is a changed org or one of their
     * ancestors gets one fresh report (a burst of writes collapses into one send per stream).
     */
    @Override
    public void changed(Set<OrgYear> changed, Collection<String> eventIds) {
        if (subscriptions.isEmpty()) {
            return;
        }
        Set<OrgYear> copy = Set.copyOf(changed);
        sender.execute(() -> notifySubscribers(copy));
    }

    private void notifySubscribers(Set<OrgYear> changed) {
        Set<Integer> years = new java.util.HashSet<>();
        subscriptions.values().forEach(list -> list.forEach(s -> years.add(s.year)));
        Set<String> orgIds = new LinkedHashSet<>();
        for (OrgYear oy : changed) {
            if (years.contains(oy.year())) {
                orgIds.add(oy.orgId());
            }
        }
        if (orgIds.isEmpty()) {
            return;
        }
        Map<String, List<String>> ancestors = reports.orgs().ancestorsOf(orgIds);
        Set<String> keys = new LinkedHashSet<>();
        for (OrgYear oy : changed) {
            keys.add(key(oy.orgId(), oy.year()));
            ancestors.getOrDefault(oy.orgId(), List.of()).forEach(a -> keys.add(key(a, oy.year())));
        }
        for (String key : keys) {
            for (Subscription s : subscriptions.getOrDefault(key, List.of())) {
                if (s.pending.compareAndSet(false, true)) {
                    sender.execute(() -> send(s));
                }
            }
        }
    }

    private void send(Subscription s) {
        s.pending.set(false);
        try {
            Object body = reports.report(s.orgId, s.year, ReportService.asOf(null), s.subtree);
            synchronized (s) {
                s.emitter.send(SseEmitter.event().name("report").data(body, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            subscriptions.getOrDefault(key(s.orgId, s.year), List.of()).remove(s);
        } catch (RuntimeException e) {
            // e.g. nothing known about the org yet: keep the stream open, the first event will fill it
            log.debug("No report to send for {}/{}: {}", s.orgId, s.year, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        subscriptions.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
    }

    private static String key(String orgId, int year) {
        return orgId + ":" + year;
    }

    private record Subscription(String orgId, int year, boolean subtree, SseEmitter emitter,
            java.util.concurrent.atomic.AtomicBoolean pending) {

        Subscription(String orgId, int year, boolean subtree, SseEmitter emitter) {
            this(orgId, year, subtree, emitter, new java.util.concurrent.atomic.AtomicBoolean());
        }
    }
}
