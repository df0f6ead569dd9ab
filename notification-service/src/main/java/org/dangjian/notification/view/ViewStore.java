package org.dangjian.notification.view;

import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.notification.ledger.OrgInfo;
import org.dangjian.notification.ledger.OrgView;
import org.dangjian.notification.ledger.RectificationInfo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own view of the world in MongoDB: organisations (latest state), the activity events that matter
 * for chasing (insert-if-absent by eventId, so redelivery changes nothing), and rectification items.
 */
@Component
public class ViewStore {

    private final MongoTemplate mongo;
    private final JsonMapper json;

    public ViewStore(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** Keeps the newest version; remembers the earliest day the organisation was seen. */
    public void saveOrg(OrgState state) {
        OrgDoc old = mongo.findById(state.orgId(), OrgDoc.class);
        LocalDate seen = state.updatedAt() == null ? null
                : state.updatedAt().atZone(CloudEventHeaders.CHINA).toLocalDate();
        String tracked = earliest(old == null ? null : old.trackedFrom(), seen);
        if (old != null && old.version() > state.version()) {
            if (!java.util.Objects.equals(tracked, old.trackedFrom())) {
                mongo.save(new OrgDoc(old.id(), old.name(), old.type(), old.parentId(), old.ancestors(),
                        old.policy(), old.updatedAt(), old.version(), tracked));
            }
            return;
        }
        mongo.save(new OrgDoc(state.orgId(), state.name(), state.type(), state.parentId(),
                state.ancestors() == null ? List.of() : state.ancestors(), state.policy(), state.updatedAt(),
                state.version(), tracked));
    }

    private static String earliest(String a, LocalDate b) {
        if (a == null) {
            return b == null ? null : b.toString();
        }
        return b == null || !b.isBefore(LocalDate.parse(a)) ? a : b.toString();
    }

    /** Stores the event unless already stored. Returns false for a duplicate. */
    public boolean saveEvent(ActivityEvent event) {
        try {
            mongo.insert(EventMapping.toDoc(event, json));
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** Applies a rectification event if it is not older than what is stored. */
    public void saveRectification(ReviewEvent event) {
        ReviewEvent.Rectification r = event.rectification();
        if (r == null || r.rectificationId() == null) {
            return;
        }
        RectificationDoc old = mongo.findById(r.rectificationId(), RectificationDoc.class);
        Instant at = event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
        if (old != null && old.updatedAt() != null && old.updatedAt().isAfter(at)) {
            return;
        }
        String status = r.status() != null ? r.status() : switch (event.type()) {
            case RECTIFICATION_VERIFIED -> "VERIFIED";
            case RECTIFICATION_REJECTED -> "REJECTED";
            default -> old == null ? "OPEN" : old.status();
        };
        var deadline = r.deadline() != null ? r.deadline() : event.deadline();
        mongo.save(new RectificationDoc(r.rectificationId(), event.orgId(), event.committeeOrgId(), r.problem(),
                r.measure(), deadline == null ? null : deadline.toString(), status, at, event.eventId()));
    }

    public Optional<OrgDoc> org(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, OrgDoc.class));
    }

    public List<OrgDoc> orgs() {
        return mongo.findAll(OrgDoc.class);
    }

    /** The organisation and its ancestors, root first, ending with itself. */
    public List<String> pathOf(String orgId) {
        List<String> path = new ArrayList<>();
        org(orgId).ifPresent(o -> path.addAll(o.ancestors() == null ? List.of() : o.ancestors()));
        path.add(orgId);
        return path;
    }

    public Optional<OrgView> view(String orgId) {
        return org(orgId).map(this::view);
    }

    public OrgView view(OrgDoc org) {
        var info = new OrgInfo(org.id(), org.name(), org.type(), org.parentId(), org.policy(),
                org.trackedFrom() == null ? null : LocalDate.parse(org.trackedFrom()));
        var events = mongo.find(Query.query(Criteria.where("orgId").is(org.id())), EventDoc.class).stream()
                .map(EventMapping::toLedger).toList();
        var rects = mongo.find(Query.query(Criteria.where("orgId").is(org.id())), RectificationDoc.class).stream()
                .map(r -> new RectificationInfo(r.id(), r.orgId(), r.committeeOrgId(), r.problem(), r.measure(),
                        r.deadline() == null ? null : LocalDate.parse(r.deadline()), r.status()))
                .toList();
        return OrgView.of(info, events, rects);
    }
}
