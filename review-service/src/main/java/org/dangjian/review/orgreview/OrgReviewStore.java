package org.dangjian.review.orgreview;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.review.cycle.Cycle;
import org.dangjian.review.outbox.OutboxEntries;
import org.dangjian.review.outbox.OutboxEntry;
import org.dangjian.review.outbox.OutboxRelay;
import org.dangjian.review.problem.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

/**
 * Loads an {@link OrgReview}, lets the domain change it, and stores the new state together with the events in one
 * guarded single-document write (no transactions needed). A concurrent change makes the guard miss: reload, retry.
 */
@Component
public class OrgReviewStore {

    private static final String COLLECTION = OutboxRelay.ORG_REVIEWS;
    private static final int ATTEMPTS = 40;

    private final MongoTemplate mongo;
    private final OutboxEntries entries;
    private final OutboxRelay relay;

    public OrgReviewStore(MongoTemplate mongo, OutboxEntries entries, OutboxRelay relay) {
        this.mongo = mongo;
        this.entries = entries;
        this.relay = relay;
    }

    /**
     * Applies {@code change} (which returns the events it caused, or throws a refusal: then nothing is written).
     * Returns the state after the change.
     */
    public OrgReview change(Cycle cycle, String orgId, String correlationId,
            Function<OrgReview, List<ReviewEvent>> change) {
        String id = OrgReviewDocument.idOf(cycle.cycleId(), orgId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            OrgReviewDocument doc = mongo.findById(id, OrgReviewDocument.class, COLLECTION);
            OrgReview review = doc == null ? OrgReview.start(cycle, orgId) : doc.review();
            List<ReviewEvent> events = change.apply(review);
            if (events.isEmpty()) {
                return review;
            }
            List<OutboxEntry> pending = events.stream().map(e -> entries.of(e, correlationId)).toList();
            if (doc == null) {
                try {
                    mongo.insert(new OrgReviewDocument(id, cycle.cycleId(), orgId, cycle.committeeOrgId(),
                            cycle.year(), review, 1, pending), COLLECTION);
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            } else {
                Update update = new Update().set("review", review).set("revision", doc.revision() + 1)
                        .push("outbox").each(pending.toArray());
                UpdateResult r = mongo.updateFirst(query(where("_id").is(id).and("revision").is(doc.revision())),
                        update, OrgReviewDocument.class, COLLECTION);
                if (r.getMatchedCount() == 0) {
                    continue;
                }
            }
            relay.flushSoon(COLLECTION, id);
            return review;
        }
        throw ProblemException.conflict("concurrent-change", "Concurrent change",
                "该组织的评议记录正被同时修改，请稍后重试");
    }

    /** Lost a race: wait a little (growing, jittered) so the contenders do not collide again at once. */
    private static void backOff(int attempt) {
        long maxMillis = Math.min(50, 2L * attempt);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMillis + 1)));
    }

    public Optional<OrgReview> find(String cycleId, String orgId) {
        return Optional.ofNullable(
                mongo.findById(OrgReviewDocument.idOf(cycleId, orgId), OrgReviewDocument.class, COLLECTION))
                .map(OrgReviewDocument::review);
    }

    public List<OrgReview> byCycle(String cycleId) {
        return find(query(where("cycleId").is(cycleId)));
    }

    public List<OrgReview> byOrg(String orgId) {
        return find(query(where("orgId").is(orgId)));
    }

    public List<OrgReview> byCommittee(String committeeOrgId) {
        return find(query(where("committeeOrgId").is(committeeOrgId)));
    }

    public List<OrgReview> byOrgs(Collection<String> orgIds) {
        return find(query(where("orgId").in(orgIds)));
    }

    /** Every review holding at least one rectification item (the overdue check walks these). */
    public List<OrgReview> withRectifications() {
        return find(query(where("review.rectifications.0").exists(true)));
    }

    public Optional<OrgReview> byRectification(String rectificationId) {
        return find(query(where("review.rectifications.rectificationId").is(rectificationId))).stream().findFirst();
    }

    private List<OrgReview> find(Query q) {
        return mongo.find(q, OrgReviewDocument.class, COLLECTION).stream().map(OrgReviewDocument::review).toList();
    }
}
