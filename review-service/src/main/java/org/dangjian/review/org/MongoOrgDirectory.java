package org.dangjian.review.org;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The replica lives in Mongo so every instance of the service sees the whole tree whatever partitions it owns. */
@Component
public class MongoOrgDirectory implements OrgDirectory {

    static final String COLLECTION = "orgs";

    private final MongoTemplate mongo;

    public MongoOrgDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<OrgNode> find(String orgId) {
        if (orgId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(orgId, OrgNode.class, COLLECTION));
    }

    @Override
    public Map<String, OrgNode> findAll(Collection<String> orgIds) {
        Map<String, OrgNode> found = new LinkedHashMap<>();
        mongo.find(query(where("_id").in(orgIds)), OrgNode.class, COLLECTION)
                .forEach(n -> found.put(n.orgId(), n));
        return found;
    }

    /**
     * Keeps the newest state per organisation. The guarded upsert hits E11000 when a newer (or the same) version
     * is already stored: that means "already applied", so it is ignored.
     */
    public void apply(OrgNode node) {
        Document doc = new Document();
        mongo.getConverter().write(node, doc);
        doc.remove("_id");
        doc.remove("_class");
        Update update = new Update();
        doc.forEach(update::set);
        try {
            mongo.upsert(query(where("_id").is(node.orgId()).and("version").lt(node.version())), update, COLLECTION);
        } catch (DuplicateKeyException alreadyNewer) {
            // an equal or newer version is stored: redelivery or out-of-order compaction, nothing to do
        }
    }
}
