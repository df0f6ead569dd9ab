package org.dangjian.activity.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.dangjian.activity.ActivityServiceApplication;
import org.dangjian.contracts.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Posts events into a running activity-service over HTTP, one per request and in batches of 1,000, and prints
 * accepted events/s with p50/p99 latency, the time until the outbox has published everything, and the raw Kafka
 * producer rate on the same in-process broker. Everything runs in this JVM: a KRaft broker, mongo-java-server
 * (memory backend) and the service.
 *
 * <p>Arguments (all optional): {@code singleEvents batchEvents concurrency}; defaults 100000 100000 16.
 */
public final class IngestBenchmark {

    private static final int ORGS = 200;
    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int single = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batched = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic(Topics.ACTIVITIES, 6, (short) 1), new NewTopic("bench.raw", 6, (short) 1));
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ActivityServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:" + mongoAddress.getPort(),
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.de.bwaldvogel=ERROR",
                "--server.tomcat.threads.max=64");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(concurrency)).build();
            for (int o = 0; o < ORGS; o++) {
                send(client, HttpRequest.newBuilder(URI.create(base + "/api/orgs/bench-" + o))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"第" + o + "党支部\",\"type\":\"BRANCH\"}")));
            }
            // Warm-up (not counted): JIT, connection pool, producer binding.
            runSingle(client, base, "warm", 2_000, concurrency);

            Result s = runSingle(client, base, "s", single, concurrency);
            Result b = runBatches(client, base, "b", batched, Math.max(1, Math.min(concurrency, 4)));
            long drainStart = System.nanoTime();
            MongoTemplate mongoTemplate = app.getBean(MongoTemplate.class);
            long unpublished;
            while ((unpublished = mongoTemplate.getCollection("activities").countDocuments(new Document("published", false))) > 0) {
                Thread.sleep(250); // a benchmark's polling loop, not test synchronisation
                if (System.nanoTime() - drainStart > Duration.ofMinutes(10).toNanos()) {
                    break;
                }
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            double raw = rawProducerRate(broker.getBrokersAsString(), 500_000);

            System.out.println();
            System.out.println("=== activity-service ingest benchmark (" + Runtime.getRuntime().availableProcessors()
                    + " cores, in-process KRaft broker + mongo-java-server memory backend) ===");
            System.out.println(s.describe("single POST /api/activities, " + concurrency + " clients"));
            System.out.println(b.describe("batch POST /api/activities/batch (1000/request)"));
            System.out.printf(Locale.ROOT, "outbox drained %.1f s after the last accepted event (unpublished left: %d)%n",
                    drainSeconds, unpublished);
            System.out.printf(Locale.ROOT, "raw Kafka producer on the same broker: %,.0f events/s (acks=all, idempotent, lz4, linger 5 ms, ~300-byte events, 6 partitions)%n", raw);
        } finally {
            app.close();
            mongo.shutdown();
            broker.destroy();
        }
        System.exit(0);
    }

    record Result(int events, int accepted, int failedRequests, double seconds, long[] latenciesNanos) {
        String describe(String what) {
            long[] l = latenciesNanos.clone();
            Arrays.sort(l);
            return String.format(Locale.ROOT, "%-52s %,9d events in %6.1f s = %,8.0f accepted events/s; "
                    + "request latency p50 %.2f ms, p99 %.2f ms (%d requests, %d failed)",
                    what, accepted, seconds, accepted / seconds, pct(l, 50) / 1e6, pct(l, 99) / 1e6, l.length,
                    failedRequests);
        }

        private static long pct(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    private static String event(String id, int n) {
        String org = "bench-" + (n % ORGS);
        int day = 1 + n % 28;
        return "{\"eventId\":\"" + id + "\",\"orgId\":\"" + org + "\",\"type\":\"MEETING_HELD\","
                + "\"occurredAt\":\"2026-03-" + (day < 10 ? "0" : "") + day + "T09:00:00+08:00\",\"payload\":"
                + "{\"meetingType\":\"STUDY_SESSION\",\"attendees\":" + (5 + n % 20) + ",\"expected\":30,"
                + "\"topic\":\"集中学习习近平新时代中国特色社会主义思想第" + n + "次\"}}";
    }

    private static Result runSingle(HttpClient client, String base, String prefix, int total, int concurrency)
            throws Exception {
        return run(total, total, concurrency, i -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/activities"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event(prefix + "-" + i, i)));
            return () -> send(client, request) == 202 ? 1 : -1;
        });
    }

    private static Result runBatches(HttpClient client, String base, String prefix, int total, int concurrency)
            throws Exception {
        return run(total, (total + BATCH - 1) / BATCH, concurrency, r -> {
            StringBuilder body = new StringBuilder("[");
            int from = r * BATCH;
            int to = Math.min(total, from + BATCH);
            for (int i = from; i < to; i++) {
                body.append(i == from ? "" : ",").append(event(prefix + "-" + i, i));
            }
            body.append(']');
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/activities/batch"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            return () -> {
                HttpResponse<String> resp = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() != 200) {
                    return -1;
                }
                int a = resp.body().indexOf("\"accepted\":");
                return Integer.parseInt(resp.body().substring(a + 11, resp.body().indexOf(',', a)));
            };
        });
    }

    /**
     * Sends {@code requests} requests from {@code concurrency} threads. {@code prepare} builds request number n
     * (untimed) and gives the call to time, which answers how many events were accepted, or -1 for a failure.
     */
    private static Result run(int events, int requests, int concurrency, IntFunction<Callable<Integer>> prepare)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < requests;) {
                    Callable<Integer> call = prepare.apply(n);
                    long t0 = System.nanoTime();
                    int got = call.call();
                    latencies[n] = System.nanoTime() - t0;
                    if (got < 0) {
                        failed.incrementAndGet();
                    } else {
                        accepted.addAndGet(got);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(events, accepted.get(), failed.get(), seconds, latencies);
    }

    private static int send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double rawProducerRate(String brokers, int count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[][] values = new byte[ORGS][];
        byte[][] keys = new byte[ORGS][];
        for (int o = 0; o < ORGS; o++) {
            values[o] = event("raw-" + o, o).getBytes(StandardCharsets.UTF_8);
            keys[o] = ("bench-" + o).getBytes(StandardCharsets.UTF_8);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 10_000; i++) {
                producer.send(new ProducerRecord<>("bench.raw", keys[i % ORGS], values[i % ORGS]));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("bench.raw", keys[i % ORGS], values[i % ORGS]));
            }
            producer.flush();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private IngestBenchmark() {
    }
}
