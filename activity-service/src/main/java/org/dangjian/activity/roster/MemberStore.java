package org.dangjian.activity.roster;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.dangjian.contracts.activity.MemberStage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code members} collection, a projection of the stored member events. Each document lists the events it
 * has taken in ({@code applied}), so applying a stored event twice (a retry, the repair sweep) changes nothing.
 */
@Component
public class MemberStore {

    private final MongoCollection<Document> members;

    public MemberStore(MongoTemplate mongo) {
        this.members = mongo.getCollection("members");
        members.createIndex(Indexes.ascending("orgId", "status"));
        members.createIndex(Indexes.ascending("applied"));
    }

    public Optional<Member> find(String memberId) {
        return Optional.ofNullable(members.find(eq("_id", memberId)).first()).map(MemberStore::toMember);
    }

    public Map<String, Member> findAll(Collection<String> ids) {
        Map<String, Member> result = new HashMap<>();
        if (!ids.isEmpty()) {
            members.find(in("_id", ids)).forEach(d -> result.put(d.getString("_id"), toMember(d)));
        }
        return result;
    }

    public List<Member> activeIn(String orgId) {
        List<Member> result = new ArrayList<>();
        members.find(and(eq("orgId", orgId), eq("status", Member.Status.ACTIVE.name())))
                .sort(Sorts.ascending("_id")).forEach(d -> result.add(toMember(d)));
        return result;
    }

    /** Whether the event has already been taken in. */
    public boolean hasApplied(String memberId, String eventId) {
        return members.find(and(eq("_id", memberId), eq("applied", eventId))).first() != null;
    }

    /**
     * Writes the member's state after {@code eventId}, unless that event was already applied. Creating upserts;
     * an upsert whose guard fails on an existing document collides on _id (E11000), which here means "already
     * applied" (STACK.md).
     */
    public void apply(String eventId, Member next) {
        Document set = new Document("name", next.name())
                .append("orgId", next.orgId())
                .append("stage", next.stage().name())
                .append("stageSince", str(next.stageSince()))
                .append("birthDate", str(next.birthDate()))
                .append("admittedOn", str(next.admittedOn()))
                .append("probationExtensionMonths", next.probationExtensionMonths())
                .append("status", next.status().name())
                .append("transferredTo", next.transferredTo())
                .append("updatedAt", Date.from(Instant.now()));
        Document update = new Document("$set", set).append("$push", new Document("applied", eventId));
        try {
            members.updateOne(and(eq("_id", next.memberId()), ne("applied", eventId)), update,
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(Document d, String field) {
        String s = d.getString(field);
        return s == null ? null : LocalDate.parse(s);
    }

    static Member toMember(Document d) {
        return new Member(d.getString("_id"), d.getString("name"), d.getString("orgId"),
                MemberStage.valueOf(d.getString("stage")), date(d, "stageSince"), date(d, "birthDate"),
                date(d, "admittedOn"), d.getInteger("probationExtensionMonths"),
                Member.Status.valueOf(d.getString("status")), d.getString("transferredTo"));
    }
}
