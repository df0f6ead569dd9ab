package org.dangjian.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dangjian.notification.chase.NotificationDoc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored delivery queue: store first, deliver after, so a crash loses nothing. */
@Component
public class DeliveryStore {

    private final MongoTemplate mongo;

    public DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<SettingsDoc> settings(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, SettingsDoc.class));
    }

    public void saveSettings(SettingsDoc settings) {
        mongo.save(settings);
    }

    /** Queues one delivery per channel and target (idempotent). */
    public void plan(NotificationDoc n, SettingsDoc settings, Instant now) {
        List<DeliveryDoc> docs = new ArrayList<>();
        if (settings != null && settings.webhookUrl() != null && !settings.webhookUrl().isBlank()) {
            docs.add(newDelivery(n, Channel.WEBHOOK, settings.webhookUrl(), now));
        }
        if (settings != null && settings.emails() != null) {
            settings.emails().stream().distinct().forEach(e -> docs.add(newDelivery(n, Channel.EMAIL, e, now)));
        }
        for (DeliveryDoc d : docs) {
            try {
                mongo.insert(d);
            } catch (DuplicateKeyException already) {
                // planned before a crash: keep the stored one
            }
        }
    }

    private static DeliveryDoc newDelivery(NotificationDoc n, Channel channel, String target, Instant now) {
        String id = UUID.nameUUIDFromBytes((n.id() + "|" + channel + "|" + target).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new DeliveryDoc(id, n.id(), channel, target, n.recipientOrgId(), n.recipientPath(),
                DeliveryStatus.PENDING, 0, null, now, now, null, null);
    }

    /** Takes one pending delivery (or one whose holder's lease ran out) for this instance. */
    public DeliveryDoc claim(Instant now, java.time.Duration lease) {
        Query q = Query.query(new Criteria().orOperator(Criteria.where("status").is(DeliveryStatus.PENDING),
                Criteria.where("status").is(DeliveryStatus.IN_FLIGHT).and("leaseUntil").lt(now)))
                .with(Sort.by("createdAt"));
        return mongo.findAndModify(q,
                new Update().set("status", DeliveryStatus.IN_FLIGHT).set("leaseUntil", now.plus(lease))
                        .set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true), DeliveryDoc.class);
    }

    public void finish(String id, DeliveryStatus status, int attempts, String error, Instant now) {
        Update u = new Update().set("status", status).inc("attempts", attempts).set("lastError", error)
                .set("updatedAt", now).unset("leaseUntil");
        if (status == DeliveryStatus.DELIVERED) {
            u.set("deliveredAt", now);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.IN_FLIGHT)), u,
                DeliveryDoc.class);
    }

    /** Pending deliveries of closed notifications are not sent any more. */
    public void cancelFor(Collection<String> notificationIds, Instant now) {
        if (notificationIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("notificationId").in(notificationIds).and("status")
                .is(DeliveryStatus.PENDING)),
                new Update().set("status", DeliveryStatus.CANCELLED).set("updatedAt", now), DeliveryDoc.class);
    }

    /** A parked delivery goes back into the queue. Returns false unless it was parked. */
    public boolean requeue(String id, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.PARKED)),
                new Update().set("status", DeliveryStatus.PENDING).set("updatedAt", now), DeliveryDoc.class)
                .getModifiedCount() == 1;
    }

    public Optional<DeliveryDoc> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeliveryDoc.class));
    }

    public List<DeliveryDoc> page(DeliveryStatus status, String orgId, String withinOrgId, int page, int size) {
        return mongo.find(query(status, orgId, withinOrgId).with(Sort.by(Sort.Order.desc("createdAt"),
                Sort.Order.asc("_id"))).skip((long) page * size).limit(size), DeliveryDoc.class);
    }

    public long count(DeliveryStatus status, String orgId, String withinOrgId) {
        return mongo.count(query(status, orgId, withinOrgId), DeliveryDoc.class);
    }

    private static Query query(DeliveryStatus status, String orgId, String withinOrgId) {
        Criteria c = new Criteria();
        if (status != null) {
            c = c.and("status").is(status);
        }
        if (orgId != null) {
            c = c.and("recipientOrgId").is(orgId);
        }
        if (withinOrgId != null) {
            c = c.and("recipientPath").is(withinOrgId);
        }
        return Query.query(c);
    }
}
