package org.dangjian.review.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.review.org.OrgDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One Spring context for every integration test: a real KRaft broker, mongo-java-server over a real socket, and a
 * real HTTP server standing in for report-service. Each test class works on its own organisation ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "dangjian.review.outbox-relay-interval=PT2S",
        "spring.main.banner-mode=off", "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@Import(ReviewIntegrationSupport.TestClock.class)
// spring-kafka 4 has no kraft attribute any more: the embedded broker is always KRaft (EmbeddedKafkaKraftBroker)
@EmbeddedKafka(partitions = 3, topics = {Topics.ORGS, Topics.REVIEWS})
public abstract class ReviewIntegrationSupport {

    protected static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    protected static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    protected static final MockWebServer REPORTS = new MockWebServer();
    /** Every request report-service received, for assertions. */
    protected static final List<RecordedRequest> REPORT_REQUESTS = new CopyOnWriteArrayList<>();

    static {
        REPORTS.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                REPORT_REQUESTS.add(request);
                String path = request.getUrl().encodedPath();
                if (path.contains("/missing-")) {
                    return new MockResponse.Builder().code(404).build();
                }
                if (path.endsWith("/draft")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/markdown; charset=utf-8")
                            .body("# 2026年度党支部书记抓党建述职报告\n\n全年共组织召开支部党员大会4次，支部委员会12次。\n")
                            .build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"orgId\":\"" + path.split("/")[3] + "\",\"year\":2026,"
                                + "\"counts\":{\"BRANCH_MEMBER_ASSEMBLY\":4,\"BRANCH_COMMITTEE\":12},"
                                + "\"dues\":{\"totalFen\":6694500},\"asOf\":\"2027-01-15T10:00:00+08:00\"}")
                        .build();
            }
        });
        try {
            REPORTS.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static final MutableClock CLOCK = new MutableClock();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
        registry.add("dangjian.services.report", () -> REPORTS.url("/").toString().replaceAll("/$", ""));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    @Autowired
    protected OrgDirectory orgs;

    @Autowired
    protected org.springframework.data.mongodb.core.MongoTemplate mongo;

    protected Http http;

    /** Stored events not yet on Kafka, over both collections. */
    protected long outboxLeft() {
        long n = 0;
        for (String c : List.of("cycles", "org_reviews")) {
            n += mongo.getCollection(c).countDocuments(com.mongodb.client.model.Filters.exists("outbox.0"));
        }
        return n;
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // ---- org tree -----------------------------------------------------------------------------------------------

    /** Publishes OrgStates on the compacted topic, as activity-service does, and waits for the replica. */
    protected void publishOrgs(List<OrgState> states) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (OrgState s : states) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.ORGS, s.orgId(),
                        Http.JSON.writeValueAsBytes(s));
                r.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> states.forEach(s -> assertThat(orgs.find(s.orgId()))
                .hasValueSatisfying(n -> assertThat(n.version()).isEqualTo(s.version()))));
    }

    protected static OrgState org(String id, String name, OrgType type, String parentId, List<String> ancestors) {
        return new OrgState(id, name, type, parentId, ancestors, null, Instant.parse("2026-12-01T00:00:00Z"), 1);
    }

    // ---- reading dangjian.reviews.v1 back ------------------------------------------------------------------------

    /** A record read back from Kafka. */
    public record Published(String key, Map<String, String> headers, tools.jackson.databind.JsonNode value,
            long offset) {

        public String type() {
            return value.get("type").asString();
        }
    }

    /** Reads the reviews topic from the beginning until {@code done} holds for the records with {@code key}. */
    protected List<Published> readReviews(String key, Predicate<List<Published>> done) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Published> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.REVIEWS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        Map<String, String> headers = new java.util.LinkedHashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                        out.add(new Published(r.key(), headers, Http.JSON.readTree(r.value()), r.offset()));
                    }
                }
                return done.test(out);
            });
        }
        return out;
    }
}
