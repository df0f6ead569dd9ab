package org.dangjian.review.cycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.review.outbox.OutboxEntries;
import org.dangjian.review.outbox.OutboxRelay;
import org.dangjian.review.problem.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Cycles are written once (with their CYCLE_OPENED events) and only read afterwards. */
@Component
public class CycleStore {

    private final MongoTemplate mongo;
    private final OutboxEntries entries;
    private final OutboxRelay relay;

    public CycleStore(MongoTemplate mongo, OutboxEntries entries, OutboxRelay relay) {
        this.mongo = mongo;
        this.entries = entries;
        this.relay = relay;
    }

    public void insert(Cycle cycle, List<ReviewEvent> events, String correlationId) {
        mongo.insert(new CycleDocument(cycle.cycleId(), cycle,
                events.stream().map(e -> entries.of(e, correlationId)).toList()), OutboxRelay.CYCLES);
        relay.flushSoon(OutboxRelay.CYCLES, cycle.cycleId());
    }

    public Optional<Cycle> find(String cycleId) {
        return Optional.ofNullable(mongo.findById(cycleId, CycleDocument.class, OutboxRelay.CYCLES))
                .map(CycleDocument::cycle);
    }

    public Cycle get(String cycleId) {
        return find(cycleId).orElseThrow(() -> ProblemException.notFound("评议周期不存在：" + cycleId));
    }

    public List<Cycle> byCommittee(String committeeOrgId) {
        return mongo.find(query(where("cycle.committeeOrgId").is(committeeOrgId))
                .with(Sort.by(Sort.Direction.DESC, "cycle.year", "cycle.openedAt")), CycleDocument.class,
                OutboxRelay.CYCLES).stream().map(CycleDocument::cycle).toList();
    }
}
