package org.dangjian.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.delivery.DeliveryDoc;
import org.dangjian.notification.delivery.SettingsDoc;
import org.dangjian.notification.view.EventDoc;
import org.dangjian.notification.view.OrgDoc;
import org.dangjian.notification.view.RectificationDoc;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every integration test: a real KRaft broker (embedded), a real Mongo wire endpoint
 * (mongo-java-server), a real SMTP server (GreenMail). Tests feed events through Kafka and call the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
    "dangjian.notification.delivery.poll-interval=PT0.1S",
    "dangjian.notification.delivery.webhook-secret=test-secret",
    "dangjian.notification.delivery.retry.max-attempts=4",
    "dangjian.notification.delivery.retry.initial-backoff=PT0.01S",
    "dangjian.notification.delivery.retry.multiplier=1.5",
    "dangjian.notification.delivery.breaker.minimum-calls=4",
    "dangjian.notification.delivery.breaker.window-size=4",
    "dangjian.notification.delivery.breaker.open-for=PT10M",
    "dangjian.notification.delivery.http-timeout=PT3S",
    "spring.main.banner-mode=off",
    "logging.level.root=WARN",
    "logging.level.org.dangjian=INFO",
    "logging.level.org.springframework.kafka=WARN",
    "logging.level.org.springframework.cloud.stream=WARN",
    "logging.level.kafka=WARN",
    "logging.level.org.mongodb.driver=WARN",
    "logging.level.de.bwaldvogel=WARN"
})
// spring-kafka 4 dropped the kraft attribute: its embedded broker is always KRaft (EmbeddedKafkaKraftBroker).
@EmbeddedKafka(partitions = 2, topics = {Topics.ACTIVITIES, Topics.ORGS, Topics.REVIEWS})
public abstract class AbstractIT {

    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    protected static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected JsonMapper json;
    @LocalServerPort
    protected int port;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @BeforeEach
    void cleanSlate() {
        for (Class<?> type : List.of(EventDoc.class, OrgDoc.class, RectificationDoc.class, NotificationDoc.class,
                DeliveryDoc.class, SettingsDoc.class)) {
            mongo.remove(new Query(), type);
        }
        mongo.remove(new Query(), "shedLock");
    }

    // ---- feeding Kafka ----

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void send(String topic, String key, String id, String type, String subject, Object value) {
        var record = new ProducerRecord<String, byte[]>(topic, key, json.writeValueAsBytes(value));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .add(CloudEventHeaders.ID, bytes(id)).add(CloudEventHeaders.TYPE, bytes(type))
                .add(CloudEventHeaders.SOURCE, bytes("/test")).add(CloudEventHeaders.TIME, bytes(Instant.now().toString()))
                .add(CloudEventHeaders.SUBJECT, bytes(subject))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected void publishOrg(String orgId, String name, OrgType type, String parentId, List<String> ancestors,
            Policy policy, LocalDate since) {
        Instant at = since.atStartOfDay(CloudEventHeaders.CHINA).toInstant();
        send(Topics.ORGS, orgId, orgId + "-v1", "dangjian.org.state.v1", orgId,
                new OrgState(orgId, name, type, parentId, ancestors, policy, at, 1));
    }

    protected void awaitOrg(String orgId) {
        await().atMost(WAIT).until(() -> mongo.findById(orgId, OrgDoc.class) != null);
    }

    protected ActivityEvent publish(String orgId, ActivityType type, OffsetDateTime at, Map<String, Object> payload) {
        var event = new ActivityEvent(UUID.randomUUID().toString(), orgId, type, at, Instant.now(), payload);
        publish(event);
        return event;
    }

    protected void publish(ActivityEvent event) {
        send(Topics.ACTIVITIES, event.orgId(), event.eventId(), event.type().cloudEventType(), event.orgId(), event);
    }

    protected void publishReview(ReviewEvent event) {
        send(Topics.REVIEWS, event.orgId(), event.eventId(), event.type().cloudEventType(), event.orgId(), event);
    }

    protected void awaitEvents(String orgId, long count) {
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("orgId").is(orgId)), EventDoc.class)
                == count);
    }

    protected static OffsetDateTime beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00");
    }

    protected static Map<String, Object> meeting(MeetingType type) {
        return Map.of("meetingType", type.name(), "attendees", 5, "expected", 6, "topic", "学习");
    }

    protected static Map<String, Object> member(String memberId, String name, MemberStage stage, String since) {
        return Map.of("memberId", memberId, "name", name, "stage", stage.name(), "since", since);
    }

    protected static Map<String, Object> dues(String memberId, String period, int months) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memberId", memberId);
        m.put("period", period);
        m.put("months", months);
        m.put("amountFen", 1000L * months);
        return m;
    }

    // ---- calling the API over HTTP ----

    protected record Response(int status, String contentType, JsonNode body) {
    }

    protected Response http(HttpMethod method, String path, Object body) {
        return http(method, path, body, Map.of());
    }

    protected Response http(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        var spec = client.method(method).uri(path).headers(h -> headers.forEach(h::add));
        if (body instanceof String raw) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(raw);
        } else if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return spec.exchange((request, response) -> {
            byte[] content = response.getBody().readAllBytes();
            String type = response.getHeaders().getContentType() == null ? null
                    : response.getHeaders().getContentType().toString();
            JsonNode node = content.length == 0 ? null : json.readTree(content);
            return new Response(response.getStatusCode().value(), type, node);
        });
    }

    protected Response check(String asOf) {
        Response r = http(HttpMethod.POST, "/api/notifications/checks?asOf=" + asOf, null);
        if (r.status() != 200) {
            throw new AssertionError("check failed: " + r);
        }
        return r;
    }

    protected static Map<String, String> headers(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
