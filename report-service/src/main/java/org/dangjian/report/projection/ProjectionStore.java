package org.dangjian.report.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.report.projection.ProjectionListener.OrgYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes folded events to MongoDB with an exactly-once effect and no transactions.
 *
 * <p>Two guards. (1) Each document (yearly projection, roster) keeps the highest offset it has applied per
 * (topic incarnation, partition); an event at or below it is skipped, and the coalesced update is conditional on
 * the offset read before it (optimistic: a concurrent writer makes it match nothing and we re-read). The
 * counters and the offset change in one single-document update, so they cannot diverge. (2) A processed record
 * per event id, written after the projections, catches a duplicate published again at a new offset. Order
 * matters: if the process dies between (1) and (2), redelivery starts at or before the original offset (per-key
 * order), the offset guard skips it and its record is written then, before any later duplicate is looked at.
 */
@Component
public class ProjectionStore {

    public static final String PROJECTIONS = "projections";
    public static final String ROSTERS = "rosters";
    public static final String PROCESSED = "processed";

    private static final Logger log = LoggerFactory.getLogger(ProjectionStore.class);
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final ActivityFold fold;
    private final List<ProjectionListener> listeners;
    private final AtomicLong applied = new AtomicLong();
    /** Test seam: fails the write after this many guarded documents, to prove a crash mid-batch loses nothing. */
    private volatile int crashAfterDocuments = -1;

    public ProjectionStore(MongoTemplate mongo, ActivityFold fold, List<ProjectionListener> listeners) {
        this.mongo = mongo;
        this.fold = fold;
        this.listeners = listeners;
    }

    /** Events applied since start (for metrics and the benchmark). */
    public long appliedCount() {
        return applied.get();
    }

    public void simulateCrashAfterDocuments(int documents) {
        this.crashAfterDocuments = documents;
    }

    /** Applies a poll's events (any order of partitions; per partition in offset order). Returns what changed. */
    public Set<OrgYear> apply(List<ConsumedEvent> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        // Fold everything first (pure), and collect the keys each event claims.
        List<Folded> folded = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ConsumedEvent ce : batch) {
            FoldResult r;
            try {
                r = fold.fold(ce.event());
            } catch (RuntimeException e) {
                log.warn("Skipping unreadable event {} at {}-{}@{}: {}", ce.event().eventId(), ce.topicKey(),
                        ce.partition(), ce.offset(), e.toString());
                continue;
            }
            List<String> claims = new ArrayList<>();
            claims.add(ce.event().eventId());
            claims.addAll(r.dedupKeys());
            keys.addAll(claims);
            folded.add(new Folded(ce, r, claims));
        }
        Set<String> processed = new HashSet<>();
        for (Document d : collection(PROCESSED).find(Filters.in("_id", keys)).projection(Projections.include("_id"))) {
            processed.add(d.getString("_id"));
        }
        // Drop duplicates: already processed, or claimed earlier in this batch.
        List<Folded> fresh = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Folded f : folded) {
            boolean dup = false;
            for (String k : f.claims) {
                if (processed.contains(k) || claimed.contains(k)) {
                    dup = true;
                }
            }
            if (!dup) {
                claimed.addAll(f.claims);
                fresh.add(f);
            }
        }
        Map<String, DocWork> projectionDocs = new LinkedHashMap<>();
        Map<String, DocWork> rosterDocs = new LinkedHashMap<>();
        for (Folded f : fresh) {
            for (CounterDelta d : f.result.counters()) {
                String id = projectionId(d.orgId(), d.year());
                projectionDocs.computeIfAbsent(id, k -> new DocWork(id, d.orgId(), d.year()))
                        .entries.add(new Entry(f.event, d.inc(), null));
            }
            for (RosterChange c : f.result.roster()) {
                rosterDocs.computeIfAbsent(c.orgId(), k -> new DocWork(c.orgId(), c.orgId(), null))
                        .entries.add(new Entry(f.event, null, c));
            }
        }
        int[] budget = {crashAfterDocuments};
        Set<String> appliedEvents = new HashSet<>();
        write(PROJECTIONS, projectionDocs, budget, appliedEvents);
        write(ROSTERS, rosterDocs, budget, appliedEvents);
        recordProcessed(fresh);
        Set<OrgYear> changed = new LinkedHashSet<>();
        for (DocWork w : projectionDocs.values()) {
            if (w.wrote) {
                changed.add(new OrgYear(w.orgId, w.year));
            }
        }
        applied.addAndGet(appliedEvents.size());
        if (!changed.isEmpty()) {
            for (ProjectionListener l : listeners) {
                try {
                    l.changed(changed, appliedEvents);
                } catch (RuntimeException e) {
                    log.warn("Projection listener failed: {}", e.toString());
                }
            }
        }
        return changed;
    }

    private void write(String collectionName, Map<String, DocWork> docs, int[] budget, Set<String> appliedEvents) {
        MongoCollection<Document> coll = collection(collectionName);
        Map<String, DocWork> pending = new LinkedHashMap<>(docs);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Map<String, Document> stored = new HashMap<>();
            for (Document d : coll.find(Filters.in("_id", pending.keySet())).projection(Projections.include("offsets"))) {
                stored.put(d.getString("_id"), d);
            }
            List<WriteModel<Document>> creates = new ArrayList<>();
            List<WriteModel<Document>> guarded = new ArrayList<>();
            List<DocWork> attempted = new ArrayList<>();
            for (DocWork w : pending.values()) {
                Document doc = stored.get(w.id);
                Document offsets = doc == null ? null : doc.get("offsets", Document.class);
                Update u = w.coalesce(offsets);
                if (u == null) {
                    continue; // everything in it was applied before (redelivery)
                }
                if (doc == null) {
                    Document onInsert = new Document("orgId", w.orgId).append("offsets", new Document());
                    if (w.year != null) {
                        onInsert.append("year", w.year);
                    }
                    creates.add(new UpdateOneModel<>(Filters.eq("_id", w.id), new Document("$setOnInsert", onInsert),
                            new UpdateOptions().upsert(true)));
                }
                Bson filter = u.storedOffset == null
                        ? Filters.and(Filters.eq("_id", w.id), Filters.exists("offsets." + u.offsetKey, false))
                        : Filters.and(Filters.eq("_id", w.id), Filters.eq("offsets." + u.offsetKey, u.storedOffset));
                guarded.add(new UpdateOneModel<>(filter, u.toDocument()));
                w.target = u;
                attempted.add(w);
            }
            if (!creates.isEmpty()) {
                coll.bulkWrite(creates);
            }
            if (budget[0] >= 0) {
                if (budget[0] < guarded.size()) {
                    if (budget[0] > 0) {
                        coll.bulkWrite(guarded.subList(0, budget[0]));
                    }
                    budget[0] = -1;
                    crashAfterDocuments = -1;
                    throw new IllegalStateException("simulated crash mid-batch");
                }
                budget[0] -= guarded.size();
            }
            int matched = guarded.isEmpty() ? 0 : coll.bulkWrite(guarded).getMatchedCount();
            pending.clear();
            if (matched < guarded.size()) {
                // Someone else moved some offsets (a rebalance overlap): re-read those and go again.
                Map<String, Document> now = new HashMap<>();
                for (Document d : coll.find(Filters.in("_id", attempted.stream().map(w -> w.id).toList()))
                        .projection(Projections.include("offsets"))) {
                    now.put(d.getString("_id"), d);
                }
                for (DocWork w : attempted) {
                    Document off = now.get(w.id) == null ? null : now.get(w.id).get("offsets", Document.class);
                    Number at = off == null ? null : (Number) off.get(w.target.offsetKey);
                    if (at == null || at.longValue() < w.target.maxOffset) {
                        pending.put(w.id, w);
                    } else if (w.markWritten(appliedEvents)) {
                        pending.put(w.id, w);
                    }
                }
            } else {
                for (DocWork w : attempted) {
                    if (w.markWritten(appliedEvents)) {
                        pending.put(w.id, w);
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Could not apply " + pending.size() + " documents of " + collectionName);
        }
    }

    private void recordProcessed(List<Folded> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Document> records = new ArrayList<>();
        Date now = new Date();
        for (Folded f : fresh) {
            for (String k : f.claims) {
                records.add(new Document("_id", k).append("topic", f.event.topicKey())
                        .append("partition", f.event.partition()).append("offset", f.event.offset())
                        .append("orgId", f.event.event().orgId()).append("at", now));
            }
        }
        try {
            collection(PROCESSED).insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(err -> err.getCode() == 11000);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    public static String projectionId(String orgId, int year) {
        return orgId + ":" + year;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    private record Folded(ConsumedEvent event, FoldResult result, List<String> claims) {
    }

    private record Entry(ConsumedEvent event, Map<String, Long> inc, RosterChange roster) {
    }

    /** The coalesced update of one document for one partition's offsets. */
    private record Update(String offsetKey, Long storedOffset, long maxOffset, Map<String, Long> inc,
            Map<String, Object> set, Set<String> unset, List<String> eventIds) {

        Document toDocument() {
            Document doc = new Document();
            Document setDoc = new Document("offsets." + offsetKey, maxOffset).append("updatedAt", Date.from(Instant.now()));
            set.forEach(setDoc::append);
            doc.append("$set", setDoc);
            Document incDoc = new Document();
            inc.forEach((k, v) -> {
                if (v != 0) {
                    incDoc.append("c." + k, v);
                }
            });
            if (!incDoc.isEmpty()) {
                doc.append("$inc", incDoc);
            }
            if (!unset.isEmpty()) {
                Document unsetDoc = new Document();
                unset.forEach(k -> unsetDoc.append(k, ""));
                doc.append("$unset", unsetDoc);
            }
            return doc;
        }
    }

    private static final class DocWork {
        final String id;
        final String orgId;
        final Integer year;
        final List<Entry> entries = new ArrayList<>();
        Update target;
        boolean wrote;

        DocWork(String id, String orgId, Integer year) {
            this.id = id;
            this.orgId = orgId;
            this.year = year;
        }

        /**
         * Coalesces the entries not yet applied, for one partition's offsets. All events of one organisation come
         * from one partition (key = orgId); should a batch ever mix partitions for a document, the first
         * partition with something to apply is taken now and the rest in the next round.
         */
        Update coalesce(Document offsets) {
            Set<String> keys = new LinkedHashSet<>();
            entries.forEach(e -> keys.add(e.event.offsetKey()));
            for (String key : keys) {
                Number storedN = offsets == null ? null : (Number) offsets.get(key);
                Long stored = storedN == null ? null : storedN.longValue();
                Map<String, Long> inc = new LinkedHashMap<>();
                Map<String, Object> set = new LinkedHashMap<>();
                Set<String> unset = new LinkedHashSet<>();
                long max = -1;
                List<String> ids = new ArrayList<>();
                for (Entry e : entries) {
                    if (!e.event.offsetKey().equals(key) || (stored != null && e.event.offset() <= stored)) {
                        continue;
                    }
                    max = Math.max(max, e.event.offset());
                    ids.add(e.event.event().eventId());
                    if (e.inc != null) {
                        e.inc.forEach((k, v) -> inc.merge(k, v, Long::sum));
                    }
                    if (e.roster != null) {
                        e.roster.set().forEach((k, v) -> {
                            unset.remove(k);
                            set.put(k, v);
                        });
                        for (String k : e.roster.unset()) {
                            set.remove(k);
                            unset.add(k);
                        }
                    }
                }
                if (max >= 0) {
                    return new Update(key, stored, max, inc, set, unset, ids);
                }
            }
            return null;
        }

        /** Marks the target written; returns true when entries of another partition are still to do. */
        boolean markWritten(Set<String> appliedEvents) {
            wrote = true;
            appliedEvents.addAll(target.eventIds());
            String key = target.offsetKey();
            entries.removeIf(e -> e.event.offsetKey().equals(key));
            return !entries.isEmpty();
        }
    }
}
