package org.dangjian.review.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Updates;

/**
 * Moves stored events to Kafka. Each change is stored first with its events in the document's {@code outbox}
 * array (one atomic write); right after, {@link #flushSoon} publishes them in the background, and a scheduled pass
 * catches whatever was left (Kafka down, crash between store and publish). Published entries are pulled from the
 * array. Delivery is at least once: consumers deduplicate by {@code ce_id}.
 */
@Component
public class OutboxRelay implements DisposableBean {

    public static final String CYCLES = "cycles";
    public static final String ORG_REVIEWS = "org_reviews";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final ReviewPublisher publisher;
    /** One thread keeps publication in store order; a full queue just leaves work to the scheduled pass. */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "review-outbox");
                t.setDaemon(true);
                return t;
            });

    public OutboxRelay(MongoTemplate mongo, ReviewPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Publish a document's pending events in the background; if that fails the scheduled pass does it. */
    public void flushSoon(String collection, String id) {
        try {
            executor.execute(() -> flush(collection, id));
        } catch (RejectedExecutionException busy) {
            // queue full: the scheduled pass will pick it up
        }
    }

    /** The scheduled pass: every document still holding unpublished events, cycles first (they come first). */
    @Scheduled(fixedDelayString = "${dangjian.review.outbox-relay-interval:PT10S}",
            initialDelayString = "${dangjian.review.outbox-relay-interval:PT10S}")
    public void relayLeftovers() {
        relayAll();
    }

    /** @return how many events were published */
    public int relayAll() {
        int published = 0;
        for (String collection : List.of(CYCLES, ORG_REVIEWS)) {
            List<String> ids = new ArrayList<>();
            mongo.getCollection(collection).find(exists("outbox.0")).projection(include("_id"))
                    .forEach(d -> ids.add(String.valueOf(d.get("_id"))));
            for (String id : ids) {
                int n = flush(collection, id);
                if (n < 0) {
                    return published; // Kafka is not taking records: try again on the next pass
                }
                published += n;
            }
        }
        return published;
    }

    /**
     * Publishes a document's pending events in order and pulls them from its outbox. One lock per instance so the
     * background flush and the scheduled pass never send the same entry twice.
     *
     * @return how many were published, or -1 when a send failed (the rest stays for later)
     */
    public synchronized int flush(String collection, String id) {
        try {
            Document doc = mongo.getCollection(collection).find(eq("_id", id)).projection(include("outbox")).first();
            if (doc == null) {
                return 0;
            }
            List<Document> entries = doc.getList("outbox", Document.class, List.of());
            List<String> sent = new ArrayList<>();
            boolean failed = false;
            for (Document d : entries) {
                if (!publisher.send(toEntry(d))) {
                    failed = true;
                    break; // keep order: stop at the first failure, retry later from there
                }
                sent.add(d.getString("eventId"));
            }
            if (!sent.isEmpty()) {
                mongo.getCollection(collection).updateOne(eq("_id", id),
                        Updates.pull("outbox", in("eventId", sent)));
            }
            return failed ? -1 : sent.size();
        } catch (RuntimeException e) {
            log.warn("Outbox flush of {}/{} failed, will retry: {}", collection, id, e.toString());
            return -1;
        }
    }

    private static OutboxEntry toEntry(Document d) {
        Object time = d.get("time");
        Instant at = time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
        return new OutboxEntry(d.getString("eventId"), d.getString("key"), d.getString("type"), at,
                d.getString("subject"), d.getString("correlationId"), d.getString("json"));
    }
}
