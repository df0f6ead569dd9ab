package org.dangjian.activity.log;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.activity.ActivityType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code activities} collection: the log and the outbox in one document per event ({@code _id} = eventId, so
 * the client's id is enforced unique by the store itself). {@code published} flips to true in bulk after Kafka
 * acknowledged; {@code rosterApplied} does the same for member events once the roster took them in.
 */
@Component
public class ActivityStore {

    /** Thrown when the eventId is already stored. */
    public static final class DuplicateEvent extends RuntimeException {
        public DuplicateEvent(String eventId) {
            super(eventId, null, false, false);
        }
    }

    public record Page(List<StoredEvent> items, long total) {
    }

    private final MongoCollection<Document> activities;

    public ActivityStore(MongoTemplate mongo) {
        this.activities = mongo.getCollection("activities");
        activities.createIndex(Indexes.ascending("published", "seq"));
        activities.createIndex(Indexes.ascending("orgId", "published", "seq"));
        activities.createIndex(Indexes.ascending("orgId", "year", "seq"));
        activities.createIndex(Indexes.ascending("rosterApplied"));
    }

    public void insert(StoredEvent e) {
        try {
            activities.insertOne(toDocument(e));
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateEvent(e.eventId());
            }
            throw ex;
        }
    }

    /** Inserts all it can (unordered); returns the ids that were already stored. */
    public Set<String> insertAll(List<StoredEvent> events) {
        Set<String> duplicates = new HashSet<>();
        if (events.isEmpty()) {
            return duplicates;
        }
        List<Document> docs = events.stream().map(ActivityStore::toDocument).toList();
        try {
            activities.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            for (BulkWriteError err : ex.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(err.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw ex;
                }
                duplicates.add(events.get(err.getIndex()).eventId());
            }
        }
        return duplicates;
    }

    public Optional<StoredEvent> find(String eventId) {
        return Optional.ofNullable(activities.find(eq("_id", eventId)).first()).map(ActivityStore::toEvent);
    }

    public Map<String, StoredEvent> findAll(Collection<String> ids) {
        Map<String, StoredEvent> result = new LinkedHashMap<>();
        activities.find(in("_id", ids)).forEach(d -> result.put(d.getString("_id"), toEvent(d)));
        return result;
    }

    /** The oldest unpublished events of one organisation, in storage order. */
    public List<StoredEvent> unpublished(String orgId, int limit) {
        List<StoredEvent> result = new ArrayList<>();
        activities.find(and(eq("orgId", orgId), eq("published", false))).sort(Sorts.ascending("seq")).limit(limit)
                .forEach(d -> result.add(toEvent(d)));
        return result;
    }

    /** Organisation → recordedAt of its oldest unpublished event, scanning at most {@code limit} events. */
    public Map<String, Instant> unpublishedOrgs(int limit) {
        Map<String, Instant> result = new LinkedHashMap<>();
        activities.find(eq("published", false)).projection(Projections.include("orgId", "recordedAt"))
                .sort(Sorts.ascending("seq")).limit(limit)
                .forEach(d -> result.putIfAbsent(d.getString("orgId"), d.getDate("recordedAt").toInstant()));
        return result;
    }

    public void markPublished(Collection<String> ids) {
        if (!ids.isEmpty()) {
            activities.updateMany(in("_id", ids), Updates.set("published", true));
        }
    }

    public void markRosterApplied(String eventId) {
        activities.updateOne(eq("_id", eventId), Updates.set("rosterApplied", true));
    }

    /** Member events stored before {@code before} that the roster has not taken in (a crash between the writes). */
    public List<StoredEvent> rosterPending(Instant before, int limit) {
        List<StoredEvent> result = new ArrayList<>();
        activities.find(and(eq("rosterApplied", false), lt("recordedAt", Date.from(before))))
                .sort(Sorts.ascending("seq")).limit(limit).forEach(d -> result.add(toEvent(d)));
        return result;
    }

    public void setVoidedBy(String eventId, String voidEventId) {
        activities.updateOne(eq("_id", eventId), Updates.set("voidedBy", voidEventId));
    }

    /** The log of one organisation, newest first. */
    public Page list(String orgId, Integer year, ActivityType type, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("orgId", orgId));
        if (year != null) {
            filters.add(eq("year", year));
        }
        if (type != null) {
            filters.add(eq("type", type.name()));
        }
        Bson filter = Filters.and(filters);
        long total = activities.countDocuments(filter);
        List<StoredEvent> items = new ArrayList<>();
        activities.find(filter).sort(Sorts.orderBy(Sorts.descending("occurredAtTime"), Sorts.descending("seq")))
                .skip(page * size).limit(size).forEach(d -> items.add(toEvent(d)));
        return new Page(items, total);
    }

    static Document toDocument(StoredEvent e) {
        Document d = new Document("_id", e.eventId())
                .append("orgId", e.orgId())
                .append("type", e.type().name())
                .append("occurredAt", e.occurredAt().toString())
                .append("occurredAtTime", Date.from(e.occurredAt().toInstant()))
                .append("year", e.toActivityEvent().year())
                .append("recordedAt", Date.from(e.recordedAt()))
                .append("payload", new Document(e.payload()))
                .append("hash", e.hash())
                .append("seq", e.seq())
                .append("published", e.published());
        if (e.correlationId() != null) {
            d.append("correlationId", e.correlationId());
        }
        if (e.memberId() != null) {
            d.append("memberId", e.memberId());
        }
        if (e.rosterApplied() != null) {
            d.append("rosterApplied", e.rosterApplied());
        }
        return d;
    }

    static StoredEvent toEvent(Document d) {
        Document payload = d.get("payload", Document.class);
        return new StoredEvent(d.getString("_id"), d.getString("orgId"), ActivityType.valueOf(d.getString("type")),
                OffsetDateTime.parse(d.getString("occurredAt")), d.getDate("recordedAt").toInstant(),
                payload == null ? Map.of() : payload, d.getString("hash"), ((Number) d.get("seq")).longValue(),
                d.getString("correlationId"), d.getString("memberId"), Boolean.TRUE.equals(d.getBoolean("published")),
                d.getBoolean("rosterApplied"), d.getString("voidedBy"));
    }
}
