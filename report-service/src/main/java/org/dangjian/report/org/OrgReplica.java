package org.dangjian.report.org;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.dangjian.contracts.org.OrgState;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation tree as report-service knows it: the latest {@link OrgState} per org from the compacted orgs
 * topic. {@code ancestors} is stored as an indexed array, so "all descendants of X" is one multikey match and a
 * move (a new state with new ancestors) is followed by the next read.
 */
@Component
public class OrgReplica {

    public static final String ORGS = "orgs";

    private final MongoTemplate mongo;
    private final JsonMapper json;

    public OrgReplica(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @PostConstruct
    void indexes() {
        collection().createIndex(Indexes.ascending("ancestors"), new IndexOptions().name("ancestors"));
    }

    /** Stores the latest state per org; an older version than the stored one is ignored. Null state = deleted. */
    public void upsert(Map<String, OrgState> latestByOrg) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        latestByOrg.forEach((orgId, state) -> {
            if (state == null) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", orgId)));
                return;
            }
            Document doc = new Document("_id", orgId).append("name", state.name())
                    .append("type", state.type() == null ? null : state.type().name())
                    .append("parentId", state.parentId())
                    .append("ancestors", state.ancestors() == null ? List.of() : state.ancestors())
                    .append("version", state.version()).append("state", json.writeValueAsString(state));
            // Guarded replace: a stale version matches nothing and the upsert then hits E11000, ignored below.
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", orgId), Filters.lte("version", state.version())),
                    doc, new ReplaceOptions().upsert(true)));
        });
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection().bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(err -> err.getCode() == 11000)) {
                throw e;
            }
        }
    }

    public Optional<OrgState> find(String orgId) {
        Document d = collection().find(Filters.eq("_id", orgId)).first();
        return Optional.ofNullable(d).map(this::state);
    }

    /** Every organisation below {@code orgId} (not itself), by the current tree. */
    public List<OrgState> descendants(String orgId) {
        List<OrgState> out = new ArrayList<>();
        for (Document d : collection().find(Filters.eq("ancestors", orgId))) {
            out.add(state(d));
        }
        return out;
    }

    /** The ancestors of each given org that is known, in one query. */
    public Map<String, List<String>> ancestorsOf(java.util.Collection<String> orgIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Document d : collection().find(Filters.in("_id", orgIds))
                .projection(com.mongodb.client.model.Projections.include("ancestors"))) {
            out.put(d.getString("_id"), d.getList("ancestors", String.class, List.of()));
        }
        return out;
    }

    /** Names of the given orgs, where known. */
    public Map<String, String> names(List<String> orgIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Document d : collection().find(Filters.in("_id", orgIds))) {
            out.put(d.getString("_id"), d.getString("name"));
        }
        return out;
    }

    private OrgState state(Document d) {
        return json.readValue(d.getString("state"), OrgState.class);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(ORGS);
    }
}
