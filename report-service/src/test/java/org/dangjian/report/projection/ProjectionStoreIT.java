package org.dangjian.report.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.report.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The writer's exactly-once guards against a real Mongo wire server (no Kafka needed to replay offsets). */
class ProjectionStoreIT {

    static MongoServer server;
    static MongoClient client;
    MongoTemplate mongo;
    ProjectionStore store;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress a = server.bind();
        client = MongoClients.create("mongodb://" + a.getHostString() + ":" + a.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void fresh() {
        mongo = new MongoTemplate(client, "store-" + System.nanoTime());
        store = new ProjectionStore(mongo, Fixtures.fold(), List.of());
    }

    private static List<ConsumedEvent> at(String topic, int partition, long firstOffset, ActivityEvent... events) {
        List<ConsumedEvent> out = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            out.add(new ConsumedEvent(topic, partition, firstOffset + i, events[i]));
        }
        return out;
    }

    private long counter(String org, int year, String path) {
        Document d = mongo.getCollection(ProjectionStore.PROJECTIONS).find(new Document("_id", org + ":" + year)).first();
        Object v = d;
        for (String part : ("c." + path).split("\\.")) {
            v = v instanceof Document doc ? doc.get(part) : null;
        }
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void sameBatchDeliveredTwiceCountsOnce() {
        List<ConsumedEvent> batch = at("t1", 0, 0, Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-01-04T09:00:00+08:00"),
                Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-02-04T09:00:00+08:00"),
                Fixtures.meeting("b2", "THEME_PARTY_DAY", "2026-02-04T09:00:00+08:00"));
        store.apply(batch);
        store.apply(batch);
        // a redelivery that overlaps the applied offsets and brings one new event
        List<ConsumedEvent> overlap = new ArrayList<>(batch.subList(1, 3));
        overlap.addAll(at("t1", 0, 3, Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-03-04T09:00:00+08:00")));
        store.apply(overlap);
        assertThat(counter("b1", 2026, "meetings.BRANCH_COMMITTEE.count")).isEqualTo(3);
        assertThat(counter("b2", 2026, "meetings.THEME_PARTY_DAY.count")).isEqualTo(1);
        assertThat(store.appliedCount()).isEqualTo(4);
    }

    @Test
    void sameEventPublishedAgainAtANewOffsetCountsOnce() {
        ActivityEvent e = Fixtures.meeting("b1", "PARTY_LECTURE", "2026-01-04T09:00:00+08:00");
        store.apply(at("t1", 0, 10, e));
        store.apply(at("t1", 0, 11, e));
        store.apply(at("t1", 0, 12, e, e)); // and twice within one poll
        assertThat(counter("b1", 2026, "meetings.PARTY_LECTURE.count")).isEqualTo(1);
    }

    @Test
    void aSecondVoidOfTheSameEventIsIgnored() {
        ActivityEvent e = Fixtures.event("b1", ActivityType.CARE_VISIT, "2026-01-04T09:00:00+08:00",
                Map.of("persons", 4, "note", "x"));
        store.apply(at("t1", 0, 0, e, Fixtures.voiding(e)));
        store.apply(at("t1", 0, 2, Fixtures.voiding(e)));
        assertThat(counter("b1", 2026, "care.personTimes")).isZero();
        assertThat(counter("b1", 2026, "events")).isZero();
    }

    @Test
    void crashMidBatchThenRedeliveryFromTheCommittedOffsetLosesAndDoublesNothing() {
        List<ConsumedEvent> batch = at("t1", 0, 0, Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-01-04T09:00:00+08:00"),
                Fixtures.meeting("b2", "BRANCH_COMMITTEE", "2026-01-04T09:00:00+08:00"),
                Fixtures.meeting("b3", "BRANCH_COMMITTEE", "2026-01-04T09:00:00+08:00"),
                Fixtures.event("b1", ActivityType.MEMBER_REGISTERED, "2026-01-04T09:00:00+08:00",
                        Map.of("memberId", "m1", "name", "张三", "stage", "FULL")));
        store.simulateCrashAfterDocuments(2);
        assertThatThrownBy(() -> store.apply(batch)).hasMessageContaining("simulated crash");
        // a duplicate of an event that was applied before the crash, published later
        List<ConsumedEvent> again = new ArrayList<>(batch);
        again.addAll(at("t1", 0, 4, batch.get(0).event()));
        store.apply(again);
        store.apply(at("t1", 0, 5, batch.get(1).event()));
        for (String org : List.of("b1", "b2", "b3")) {
            assertThat(counter(org, 2026, "meetings.BRANCH_COMMITTEE.count")).as(org).isEqualTo(1);
        }
        assertThat(counter("b1", 2026, "membership.registered")).isEqualTo(1);
        Document roster = mongo.getCollection(ProjectionStore.ROSTERS).find(new Document("_id", "b1")).first();
        assertThat(roster.get("members", Document.class).get("m1", Document.class).getString("stage")).isEqualTo("FULL");
    }

    @Test
    void aNewTopicIncarnationStartsItsOwnOffsets() {
        store.apply(at("t1", 0, 0, Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-01-04T09:00:00+08:00")));
        // the topic was recreated: offsets start again at 0, with a new topic id
        store.apply(at("t2", 0, 0, Fixtures.meeting("b1", "BRANCH_COMMITTEE", "2026-02-04T09:00:00+08:00")));
        assertThat(counter("b1", 2026, "meetings.BRANCH_COMMITTEE.count")).isEqualTo(2);
    }
}
