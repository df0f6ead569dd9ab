package org.dangjian.report.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.report.Fixtures;
import org.dangjian.report.projection.ConsumedEvent;
import org.dangjian.report.projection.ProjectionStore;
import org.dangjian.report.report.ProjectionReader;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where a county roll-up's read time goes on mongo-java-server, without Kafka: the simulated year is written
 * through the real {@link ProjectionStore}, then the roll-up's reads are timed in variants. Run with
 * {@code -Dexec.mainClass=org.dangjian.report.bench.RollupReadProbe}.
 */
public final class RollupReadProbe {

    public static void main(String[] args) {
        int branches = Integer.getInteger("bench.branches", 1000);
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress a = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + a.getHostString() + ":" + a.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "probe");
            ProjectionStore store = new ProjectionStore(mongo, Fixtures.fold(), List.of());
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < branches; b++) {
                ids.add("b-" + b);
            }
            List<ActivityEvent> year = ReportBenchmark.simulateYear(ids, new Random(42));
            long t0 = System.nanoTime();
            List<ConsumedEvent> batch = new ArrayList<>();
            long offset = 0;
            for (ActivityEvent e : year) {
                batch.add(new ConsumedEvent("probe", 0, offset++, e));
                if (batch.size() == 2000) {
                    store.apply(batch);
                    batch.clear();
                }
            }
            store.apply(batch);
            System.out.printf("wrote %d events in %.1f s through ProjectionStore (one thread, no Kafka)%n", year.size(),
                    (System.nanoTime() - t0) / 1e9);
            ProjectionReader reader = new ProjectionReader(mongo);
            List<String> docIds = ids.stream().map(i -> i + ":2026").toList();
            var projections = mongo.getCollection(ProjectionStore.PROJECTIONS);
            var rosters = mongo.getCollection(ProjectionStore.ROSTERS);
            time("yearly docs via ProjectionReader.counters (inclusion + flatten)", () -> reader.counters(ids, 2026));
            time("yearly docs, exclusion of the per-member detail", () -> projections.find(Filters.in("_id", docIds))
                    .projection(Projections.exclude("offsets", "c.dues.paid", "c.talks.with", "c.activityMonths"))
                    .into(new ArrayList<>()));
            time("yearly docs, no projection", () -> projections.find(Filters.in("_id", docIds)).into(new ArrayList<>()));
            time("yearly docs, inclusion of the roll-up fields", () -> projections.find(Filters.in("_id", docIds))
                    .projection(Projections.include("orgId", "c.meetings", "c.activities", "c.lecturers",
                            "c.dues.totalFen", "c.dues.payments", "c.membership", "c.talks.count", "c.talks.persons",
                            "c.care", "c.volunteer", "c.events"))
                    .into(new ArrayList<>()));
            time("yearly docs, only _id", () -> projections.find(Filters.in("_id", docIds))
                    .projection(Projections.include("_id")).into(new ArrayList<>()));
            time("yearly docs, by year=2026 scan, no projection", () -> projections.find(Filters.eq("year", 2026))
                    .into(new ArrayList<>()));
            time("rosters, full (current)", () -> reader.rosters(ids));
            time("rosters, only _id", () -> rosters.find(Filters.in("_id", ids))
                    .projection(Projections.include("_id")).into(new ArrayList<Document>()));
        } finally {
            server.shutdownNow();
        }
    }

    private static void time(String label, Supplier<Object> read) {
        read.get();
        long[] t = new long[7];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            read.get();
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        System.out.printf("  %-64s median %6.1f ms%n", label, t[t.length / 2] / 1e6);
    }
}
