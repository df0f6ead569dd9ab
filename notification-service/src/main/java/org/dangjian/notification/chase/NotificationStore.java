package org.dangjian.notification.chase;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dangjian.notification.ledger.Due;
import org.dangjian.notification.ledger.Item;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The inbox in MongoDB. Inserts are insert-if-absent; status changes are guarded single-document updates. */
@Component
public class NotificationStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public NotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A stable, URL-safe id for a key (name-based UUID). */
    public static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static NotificationDoc toDoc(Due due, List<String> recipientPath, LocalDate asOf, Instant now) {
        Item i = due.item();
        return new NotificationDoc(idOf(due.key()), due.key(), i.kind(), i.subjectOrgId(), i.meetingType(),
                i.period(), i.minimum(), i.memberId(), i.memberName(), i.reference(),
                i.deadline() == null ? null : i.deadline().toString(), i.since() == null ? null : i.since().toString(),
                due.stage(), due.recipientOrgId(), recipientPath, due.title(), due.text(), NotificationStatus.OPEN,
                asOf.toString(), now, null, null, false);
    }

    public static Item itemOf(NotificationDoc d) {
        return new Item(d.kind(), d.subjectOrgId(), d.meetingType(), d.period(), d.minimum(), d.memberId(),
                d.memberName(), d.reference(), d.deadline() == null ? null : LocalDate.parse(d.deadline()),
                d.since() == null ? null : LocalDate.parse(d.since()));
    }

    /** Id → status of every notification about an organisation. */
    public Map<String, NotificationStatus> statusesAbout(String subjectOrgId) {
        Query q = Query.query(Criteria.where("subjectOrgId").is(subjectOrgId));
        q.fields().include("_id").include("status");
        Map<String, NotificationStatus> statuses = new HashMap<>();
        mongo.find(q, org.bson.Document.class, "notifications").forEach(d -> statuses.put(d.getString("_id"),
                NotificationStatus.valueOf(d.getString("status"))));
        return statuses;
    }

    /**
     * Closed notifications whose item is owed again (the activity that settled it was voided) open again. They
     * are not delivered a second time.
     */
    public long reopen(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(NotificationStatus.CLOSED)),
                new Update().set("status", NotificationStatus.OPEN).unset("closedAt"), NotificationDoc.class)
                .getModifiedCount();
    }

    /** Inserts those not there yet; a concurrent insert of the same id loses quietly. Returns how many were new. */
    public int insertAbsent(Collection<NotificationDoc> docs) {
        if (docs.isEmpty()) {
            return 0;
        }
        if (docs.size() == 1) {
            try {
                mongo.insert(docs.iterator().next());
                return 1;
            } catch (DuplicateKeyException duplicate) {
                return 0;
            }
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NotificationDoc.class).insert(List.copyOf(docs))
                    .execute().getInsertedCount();
        } catch (org.springframework.data.mongodb.BulkOperationException e) {
            if (e.getErrors().stream().allMatch(err -> err.getCode() == DUPLICATE_KEY)) {
                // Counted from the errors: the embedded server's reported count includes the duplicates.
                return docs.size() - e.getErrors().size();
            }
            throw e;
        } catch (DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulk
                    && bulk.getWriteErrors().stream().map(BulkWriteError::getCode).allMatch(c -> c == DUPLICATE_KEY)) {
                return docs.size() - bulk.getWriteErrors().size();
            }
            throw e;
        }
    }

    /** Notifications about an organisation that are not closed yet. */
    public List<NotificationDoc> unclosedAbout(String subjectOrgId) {
        return mongo.find(Query.query(Criteria.where("subjectOrgId").is(subjectOrgId).and("status")
                .in(NotificationStatus.OPEN, NotificationStatus.ACKNOWLEDGED)), NotificationDoc.class);
    }

    /** Closes those still open or acknowledged. Returns how many changed. */
    public long close(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status")
                .in(NotificationStatus.OPEN, NotificationStatus.ACKNOWLEDGED)),
                new Update().set("status", NotificationStatus.CLOSED).set("closedAt", now), NotificationDoc.class)
                .getModifiedCount();
    }

    public Optional<NotificationDoc> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDoc.class));
    }

    /** OPEN → ACKNOWLEDGED; anything else stays. */
    public void acknowledge(String id, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.OPEN)),
                new Update().set("status", NotificationStatus.ACKNOWLEDGED).set("acknowledgedAt", now),
                NotificationDoc.class);
    }

    public List<NotificationDoc> page(String recipientOrgId, NotificationStatus status, int page, int size) {
        Query q = inboxQuery(recipientOrgId, status).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(q, NotificationDoc.class);
    }

    public long count(String recipientOrgId, NotificationStatus status) {
        return mongo.count(inboxQuery(recipientOrgId, status), NotificationDoc.class);
    }

    private static Query inboxQuery(String recipientOrgId, NotificationStatus status) {
        Criteria c = new Criteria();
        if (recipientOrgId != null) {
            c = c.and("recipientOrgId").is(recipientOrgId);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        return Query.query(c);
    }

    /** Notifications whose deliveries have not been queued yet (oldest first). */
    public List<NotificationDoc> unplanned(int limit) {
        return mongo.find(Query.query(Criteria.where("planned").is(false))
                .with(Sort.by("createdAt")).limit(limit), NotificationDoc.class);
    }

    public void markPlanned(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("planned", true),
                NotificationDoc.class);
    }
}
