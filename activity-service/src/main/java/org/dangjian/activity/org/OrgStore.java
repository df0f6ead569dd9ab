package org.dangjian.activity.org;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.dangjian.contracts.org.OrgType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code orgs} collection. Each document doubles as its own outbox: {@code dirty} says its current state
 * (at {@code version}) still has to go to the compacted orgs topic; {@code subtreePending} says a change still
 * has to be carried into its descendants (a move or policy change interrupted half way converges on the next sweep).
 */
@Component
public class OrgStore {

    private final MongoCollection<Document> orgs;
    private final JsonMapper json;
    /** Organisations are never deleted, so a positive answer can be remembered. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public OrgStore(MongoTemplate mongo, JsonMapper json) {
        this.orgs = mongo.getCollection("orgs");
        this.json = json;
        orgs.createIndex(Indexes.ascending("parentId"));
        orgs.createIndex(Indexes.ascending("ancestors"));
        orgs.createIndex(Indexes.ascending("dirty"));
    }

    public Optional<Org> find(String orgId) {
        return Optional.ofNullable(orgs.find(eq("_id", orgId)).first()).map(this::toOrg);
    }

    public boolean exists(String orgId) {
        if (known.contains(orgId)) {
            return true;
        }
        boolean found = orgs.find(eq("_id", orgId)).projection(new Document("_id", 1)).first() != null;
        if (found) {
            known.add(orgId);
        }
        return found;
    }

    public Map<String, Org> findAll(Collection<String> ids) {
        Map<String, Org> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (Document d : orgs.find(in("_id", ids))) {
            Org o = toOrg(d);
            result.put(o.orgId(), o);
        }
        return result;
    }

    public List<Org> children(String parentId) {
        List<Org> result = new ArrayList<>();
        orgs.find(eq("parentId", parentId)).sort(Sorts.ascending("_id")).forEach(d -> result.add(toOrg(d)));
        return result;
    }

    public List<Org> descendants(String orgId) {
        List<Org> result = new ArrayList<>();
        orgs.find(eq("ancestors", orgId)).forEach(d -> result.add(toOrg(d)));
        return result;
    }

    public void insert(Org org) {
        Document d = toDocument(org).append("dirty", true).append("subtreePending", false);
        orgs.insertOne(d);
        known.add(org.orgId());
    }

    /** Replaces the state if nobody changed it since {@code expectedVersion}; false otherwise. */
    public boolean update(Org org, long expectedVersion, boolean subtreePending) {
        Document d = toDocument(org).append("dirty", true).append("subtreePending", subtreePending);
        d.remove("_id");
        return orgs.updateOne(and(eq("_id", org.orgId()), eq("version", expectedVersion)), new Document("$set", d))
                .getMatchedCount() == 1;
    }

    /** New ancestor paths for descendants, each a new version to publish. */
    public void rebaseAll(Map<String, List<String>> ancestorsById, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ancestorsById.forEach((id, ancestors) -> writes.add(new UpdateOneModel<>(eq("_id", id), Updates.combine(
                Updates.set("ancestors", ancestors), Updates.inc("version", 1L), Updates.set("dirty", true),
                Updates.set("updatedAt", Date.from(now))))));
        if (!writes.isEmpty()) {
            orgs.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    public void clearSubtreePending(String orgId) {
        orgs.updateOne(eq("_id", orgId), Updates.set("subtreePending", false));
    }

    public List<Org> subtreePending() {
        List<Org> result = new ArrayList<>();
        orgs.find(eq("subtreePending", true)).forEach(d -> result.add(toOrg(d)));
        return result;
    }

    public List<Org> dirty(int limit) {
        List<Org> result = new ArrayList<>();
        orgs.find(eq("dirty", true)).limit(limit).forEach(d -> result.add(toOrg(d)));
        return result;
    }

    /** Marks these versions published, in one bulk write; a newer version stays dirty. */
    public void markPublished(Map<String, Long> versionById) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        versionById.forEach((id, v) -> writes.add(new UpdateOneModel<>(and(eq("_id", id), eq("version", v)),
                Updates.set("dirty", false))));
        if (!writes.isEmpty()) {
            orgs.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private Document toDocument(Org org) {
        Document d = new Document("_id", org.orgId())
                .append("name", org.name())
                .append("type", org.type().name())
                .append("parentId", org.parentId())
                .append("ancestors", org.ancestors())
                .append("version", org.version())
                .append("updatedAt", Date.from(org.updatedAt()));
        if (org.policy() != null && !org.policy().isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.convertValue(org.policy(), Map.class);
            map.values().removeIf(v -> v == null);
            d.append("policy", new Document(map));
        }
        return d;
    }

    private Org toOrg(Document d) {
        Document p = d.get("policy", Document.class);
        PolicyOverride policy = p == null ? PolicyOverride.NONE : json.convertValue(p, PolicyOverride.class);
        return new Org(d.getString("_id"), d.getString("name"), OrgType.valueOf(d.getString("type")),
                d.getString("parentId"), d.getList("ancestors", String.class, List.of()), policy,
                ((Number) d.get("version")).longValue(), d.getDate("updatedAt").toInstant());
    }
}
