package org.dangjian.report.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.report.ReportServiceApplication;
import org.dangjian.report.projection.ProjectionListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated year for N branches (default 1,000 under 20 committees under one county) through a real in-process
 * Kafka broker into report-service (started in-process) on mongo-java-server. Prints events/s applied, consumer
 * lag during the load, publish-to-visible latency (during the bulk load and for a steady trickle afterwards), and
 * read latency of a branch report and a county roll-up beside the same reads computed naively from the raw
 * events. Settings: -Dbench.branches=1000 -Dbench.committees=20 -Dbench.rebuild=false.
 */
public final class ReportBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int YEAR = 2026;

    public static void main(String[] args) throws Exception {
        int branches = Integer.getInteger("bench.branches", 1000);
        int committees = Integer.getInteger("bench.committees", 20);
        boolean rebuild = Boolean.getBoolean("bench.rebuild");
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6, Topics.ACTIVITIES, Topics.ORGS);
        kafka.afterPropertiesSet();
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        String mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> loadLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> probeLatencies = new ConcurrentLinkedQueue<>();
        Set<String> probes = ConcurrentHashMap.newKeySet();
        ProjectionListener timing = new ProjectionListener() {
            @Override
            public void changed(Set<OrgYear> changed, Collection<String> eventIds) {
                long now = System.nanoTime();
                for (String id : eventIds) {
                    Long t = sentAt.remove(id);
                    if (t != null) {
                        (probes.contains(id) ? probeLatencies : loadLatencies).add(now - t);
                    }
                }
            }
        };
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReportServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchTiming", timing))
                .run("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString(),
                        "--logging.level.root=WARN", "--logging.level.org.apache.kafka=ERROR",
                        "--logging.level.kafka=ERROR", "--logging.level.state.change.logger=ERROR",
                        "--springdoc.api-docs.enabled=false");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(),
                new ByteArraySerializer());
                MongoClient raw = MongoClients.create(mongoUri);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            // the tree
            List<String> branchIds = new ArrayList<>();
            publishOrg(producer, new OrgState("county", "某县委", OrgType.WORKING_COMMITTEE, null, List.of(), null,
                    Instant.now(), 1));
            for (int c = 0; c < committees; c++) {
                String cid = "c-" + c;
                publishOrg(producer, new OrgState(cid, "第" + (c + 1) + "党委", OrgType.COMMITTEE, "county",
                        List.of("county"), null, Instant.now(), 1));
            }
            for (int b = 0; b < branches; b++) {
                String cid = "c-" + (b % committees);
                String bid = "b-" + b;
                branchIds.add(bid);
                publishOrg(producer, new OrgState(bid, "第" + (b + 1) + "党支部", OrgType.BRANCH, cid,
                        List.of("county", cid), null, Instant.now(), 1));
            }
            producer.flush();
            // the year, month by month, as branch systems would post it
            List<ActivityEvent> year = simulateYear(branchIds, new Random(42));
            System.out.printf("%nSimulated year: %d branches under %d committees, %d events%n", branches, committees,
                    year.size());
            MongoCollection<Document> rawEvents = raw.getDatabase("bench-raw").getCollection("raw_events");
            List<Document> rawDocs = new ArrayList<>();
            List<Long> lagSamples = new ArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                long lag = lag(admin);
                synchronized (lagSamples) {
                    lagSamples.add(lag);
                }
            }, 250, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            for (ActivityEvent e : year) {
                sentAt.put(e.eventId(), System.nanoTime());
                send(producer, e);
                rawDocs.add(rawDoc(e));
            }
            producer.flush();
            long published = System.nanoTime();
            var store = app.getBean(org.dangjian.report.projection.ProjectionStore.class);
            long lastReport = System.nanoTime();
            while (store.appliedCount() < year.size()) {
                Thread.sleep(50); // a benchmark's progress loop, not test synchronisation
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  ... applied %d / %d, lag %d%n", store.appliedCount(), year.size(), lag(admin));
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(20)) {
                    throw new IllegalStateException("did not finish within 20 minutes");
                }
            }
            long applied = System.nanoTime();
            sampler.shutdownNow();
            double secs = (applied - start) / 1e9;
            System.out.printf("Publish: %d events in %.2f s (%.0f events/s)%n", year.size(), (published - start) / 1e9,
                    year.size() / ((published - start) / 1e9));
            System.out.printf("Applied: %d events in %.2f s from first publish = %.0f events/s%n", year.size(), secs,
                    year.size() / secs);
            synchronized (lagSamples) {
                long max = lagSamples.stream().mapToLong(Long::longValue).max().orElse(0);
                double avg = lagSamples.stream().mapToLong(Long::longValue).average().orElse(0);
                System.out.printf("Consumer lag during load (records, sampled every 500 ms): max %d, mean %.0f, "
                        + "samples %d%n", max, avg, lagSamples.size());
            }
            print("Publish->visible during the bulk load (queueing included)", loadLatencies);
            // steady state: a trickle of events after the load has drained
            Random r = new Random(7);
            for (int i = 0; i < 400; i++) {
                ActivityEvent e = event(branchIds.get(r.nextInt(branchIds.size())), ActivityType.MEETING_HELD,
                        "2026-11-04T09:00:00+08:00", Map.of("meetingType", "STUDY_SESSION", "attendees", 10,
                                "expected", 12, "topic", "学习"));
                probes.add(e.eventId());
                sentAt.put(e.eventId(), System.nanoTime());
                send(producer, e);
                producer.flush();
                rawDocs.add(rawDoc(e));
                Thread.sleep(10); // pacing the trickle (~100 events/s)
            }
            long waitStart = System.nanoTime();
            while (probeLatencies.size() < 400 && System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(20);
            }
            print("Publish->visible, steady trickle of 100 events/s", probeLatencies);
            // naive side: the raw log in the same Mongo server
            for (int i = 0; i < rawDocs.size(); i += 5000) {
                rawEvents.insertMany(rawDocs.subList(i, Math.min(rawDocs.size(), i + 5000)));
            }
            String one = branchIds.get(branches / 2);
            Supplier<Object> projectedBranch = () -> get(http, base + "/api/reports/" + one + "/" + YEAR);
            Supplier<Object> projectedCounty = () -> get(http, base + "/api/reports/county/" + YEAR + "?scope=subtree");
            Supplier<Object> projectedCommittee = () -> get(http, base + "/api/reports/c-0/" + YEAR + "?scope=subtree");
            Supplier<Object> naiveBranch = () -> naive(rawEvents, Filters.and(Filters.eq("orgId", one),
                    Filters.eq("year", YEAR)));
            Supplier<Object> naiveCounty = () -> naive(rawEvents, Filters.and(Filters.in("orgId", branchIds),
                    Filters.eq("year", YEAR)));
            System.out.println();
            System.out.println("Read latency (HTTP GET of the projected report vs the same totals aggregated from raw events):");
            time("branch report  (projection, HTTP)", projectedBranch, 200);
            time("branch report  (naive $match+$group over raw events)", naiveBranch, 50);
            time("committee roll-up, 50 branches (projection, HTTP)", projectedCommittee, 50);
            time("county roll-up, all branches (projection, HTTP)", projectedCounty, 20);
            time("county roll-up, all branches (naive $group over raw events)", naiveCounty, 3);
            // where the roll-up's time goes
            var orgs = app.getBean(org.dangjian.report.org.OrgReplica.class);
            var reader = app.getBean(org.dangjian.report.report.ProjectionReader.class);
            List<String> all = new ArrayList<>(branchIds);
            all.add("county");
            System.out.println("County roll-up, parts:");
            time("  descendants by ancestors match (1,020 org states)", () -> orgs.descendants("county"), 10);
            time("  1,001 yearly documents by _id $in", () -> reader.counters(all, YEAR), 10);
            time("  1,001 rosters by _id $in", () -> reader.rosters(all), 10);
            String countyBefore = stable((String) projectedCounty.get());
            if (rebuild) {
                long rb = System.nanoTime();
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/admin/rebuild"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                System.out.printf("Rebuild: %s in %.1f s; county roll-up identical afterwards: %s%n", res.body(),
                        (System.nanoTime() - rb) / 1e9, stable((String) projectedCounty.get()).equals(countyBefore));
            }
        } finally {
            app.close();
            mongoServer.shutdownNow();
            kafka.destroy();
        }
    }

    private static String stable(String reportJson) {
        return reportJson.replaceAll("\"asOf\":\"[^\"]*\"", "");
    }

    static List<ActivityEvent> simulateYear(List<String> branches, Random r) {
        Map<String, Integer> members = new HashMap<>();
        List<ActivityEvent> out = new ArrayList<>();
        for (String b : branches) {
            int n = 5 + r.nextInt(26); // 5..30 members, about 17 on average (seed 001: 142 in 10 branches)
            members.put(b, n);
            for (int i = 0; i < n; i++) {
                out.add(event(b, ActivityType.MEMBER_REGISTERED, "2026-01-02T09:00:00+08:00",
                        Map.of("memberId", b + "-m" + i, "name", "党员" + i, "stage", i == 0 ? "PROBATIONARY" : "FULL",
                                "since", "2015-07-01")));
            }
        }
        for (int m = 1; m <= 12; m++) {
            String day = String.format("2026-%02d-%02dT09:00:00+08:00", m, 4);
            for (String b : branches) {
                int n = members.get(b);
                if (r.nextInt(20) > 0) {
                    out.add(meeting(b, "BRANCH_COMMITTEE", day, 5, 5));
                }
                if (r.nextInt(20) > 0) {
                    out.add(meeting(b, "THEME_PARTY_DAY", day, n - 1, n));
                }
                if (r.nextInt(10) < 7) {
                    out.add(meeting(b, "PARTY_GROUP", day, n / 2, n / 2));
                }
                if (r.nextInt(3) == 0) {
                    out.add(meeting(b, "STUDY_SESSION", day, n - 2, n));
                }
                if (m % 3 == 0) {
                    out.add(meeting(b, "BRANCH_MEMBER_ASSEMBLY", day, n - 1, n));
                    out.add(event(b, ActivityType.MEETING_HELD, day, Map.of("meetingType", "PARTY_LECTURE",
                            "attendees", n, "expected", n, "topic", "党课",
                            "lecturer", Map.of("name", "书记", "role", m == 6 ? "INVITED_EXPERT" : "SECRETARY"))));
                }
                for (int i = 0; i < n; i++) {
                    if (r.nextInt(50) > 0) { // about 2% of member-months unpaid
                        out.add(event(b, ActivityType.DUES_PAID, String.format("2026-%02d-%02dT10:00:00+08:00", m, 5),
                                Map.of("memberId", b + "-m" + i, "period", String.format("2026-%02d", m),
                                        "amountFen", 500 + r.nextInt(20000))));
                    }
                }
                if (r.nextInt(3) == 0) {
                    out.add(event(b, ActivityType.TALK_HELD, day, Map.of("memberIds",
                            List.of(b + "-m" + r.nextInt(n), b + "-m" + r.nextInt(n)), "topic", "谈心谈话")));
                }
                if (m == 1 || m == 9) {
                    out.add(event(b, ActivityType.CARE_VISIT, day, Map.of("persons", 1 + r.nextInt(4), "note", "慰问")));
                }
                if (r.nextInt(4) == 0) {
                    out.add(event(b, ActivityType.VOLUNTEER_SERVICE, day, Map.of("participants", 3 + r.nextInt(10),
                            "topic", "志愿服务")));
                }
                if (m == 6 && r.nextInt(2) == 0) {
                    out.add(event(b, ActivityType.MEMBER_CONFIRMED, day, Map.of("memberId", b + "-m0")));
                }
                if (m == 7 && r.nextInt(3) == 0) {
                    out.add(event(b, ActivityType.APPLICATION_RECEIVED, day, Map.of("memberId", b + "-a1",
                            "name", "申请人", "birthDate", "1998-05-01")));
                }
                if (m == 12) {
                    out.add(meeting(b, "ORGANIZATIONAL_LIFE", day, n, n));
                    out.add(meeting(b, "DEMOCRATIC_APPRAISAL", day, n, n));
                }
            }
        }
        return out;
    }

    private static ActivityEvent meeting(String org, String type, String at, int attendees, int expected) {
        return event(org, ActivityType.MEETING_HELD, at, Map.of("meetingType", type, "attendees", attendees,
                "expected", expected, "topic", "组织生活"));
    }

    private static ActivityEvent event(String org, ActivityType type, String at, Map<String, Object> payload) {
        return new ActivityEvent(java.util.UUID.randomUUID().toString(), org, type, OffsetDateTime.parse(at),
                Instant.now(), payload);
    }

    private static Document rawDoc(ActivityEvent e) {
        Document d = new Document("_id", e.eventId()).append("orgId", e.orgId()).append("year", e.year())
                .append("month", e.yearMonth().getMonthValue()).append("type", e.type().name());
        Object mt = e.payload().get("meetingType");
        d.append("meetingType", mt == null ? null : mt.toString());
        Object fen = e.payload().get("amountFen");
        d.append("amountFen", fen == null ? 0L : ((Number) fen).longValue());
        return d;
    }

    private static Object naive(MongoCollection<Document> raw, org.bson.conversions.Bson match) {
        List<Document> out = new ArrayList<>();
        raw.aggregate(List.of(Aggregates.match(match), Aggregates.group(new Document("type", "$type")
                .append("meetingType", "$meetingType").append("month", "$month"), Accumulators.sum("n", 1),
                Accumulators.sum("fen", "$amountFen")))).into(out);
        return out;
    }

    private static void send(KafkaProducer<String, byte[]> producer, ActivityEvent e) {
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(Topics.ACTIVITIES, e.orgId(), JSON.writeValueAsBytes(e));
        rec.headers().add(new RecordHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE)));
        rec.headers().add(new RecordHeader(CloudEventHeaders.ID, bytes(e.eventId())));
        rec.headers().add(new RecordHeader(CloudEventHeaders.TYPE, bytes(e.type().cloudEventType())));
        rec.headers().add(new RecordHeader(CloudEventHeaders.SOURCE, bytes("/benchmark")));
        rec.headers().add(new RecordHeader(CloudEventHeaders.SUBJECT, bytes(e.orgId())));
        rec.headers().add(new RecordHeader(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON)));
        producer.send(rec);
    }

    private static void publishOrg(KafkaProducer<String, byte[]> producer, OrgState s) {
        producer.send(new ProducerRecord<>(Topics.ORGS, s.orgId(), JSON.writeValueAsBytes(s)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long lag(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("report-service")
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> req = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                req.put(new TopicPartition(Topics.ACTIVITIES, p), OffsetSpec.latest());
            }
            long lag = 0;
            for (var e : admin.listOffsets(req).all().get(5, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(String label, Supplier<Object> read, int n) {
        for (int i = 0; i < Math.min(2, n); i++) {
            read.get(); // warm-up
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            read.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("  %-62s p50 %7.1f ms  p99 %7.1f ms  (n=%d)%n", label, t[n / 2] / 1e6,
                t[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, n);
    }

    private static void print(String label, Collection<Long> nanos) {
        long[] t = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (t.length == 0) {
            System.out.println(label + ": no samples");
            return;
        }
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n", label, t[t.length / 2] / 1e6,
                t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.99) - 1)] / 1e6, t[t.length - 1] / 1e6,
                t.length);
    }
}
