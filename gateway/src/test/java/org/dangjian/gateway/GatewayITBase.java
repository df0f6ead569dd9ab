package org.dangjian.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.gateway.dev.LocalTokenIssuer;
import org.dangjian.gateway.orgtree.OrgTree;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway (profile {@code local}) on a random port, shared by every IT that extends this class (same
 * configuration = one cached context): four real HTTP servers stand in for the services, and a real KRaft broker
 * carries the organisation tree the gateway replicates.
 *
 * <pre>
 * t-county (root)                o-root (root, another tree)
 *   └ t-committee                  └ o-branch
 *       ├ t-branch-1
 *       └ t-branch-2
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dangjian.gateway.org-replica.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "dangjian.gateway.resilience.timeout=2s",
        "dangjian.gateway.resilience.sliding-window-size=4",
        "dangjian.gateway.resilience.minimum-number-of-calls=2",
        "dangjian.gateway.resilience.wait-duration-in-open-state=1s",
        "dangjian.gateway.resilience.permitted-calls-in-half-open=1",
        "dangjian.gateway.resilience.retry-after=2s",
        "dangjian.gateway.rate-limit.clients.throttled-client.capacity=3",
        "dangjian.gateway.rate-limit.clients.throttled-client.refill-tokens=3",
        "dangjian.gateway.rate-limit.clients.throttled-client.refill-period=2s",
        "logging.level.org.dangjian.gateway.access=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@ActiveProfiles("local")
@EmbeddedKafka(partitions = 3, topics = Topics.ORGS)
public abstract class GatewayITBase {

    protected static final Downstream ACTIVITY = new Downstream("activity").start();
    protected static final Downstream REPORT = new Downstream("report").start();
    protected static final Downstream REVIEW = new Downstream("review").start();
    protected static final Downstream NOTIFICATION = new Downstream("notification").start();

    protected static final List<OrgState> TREE = List.of(
            org("t-county", OrgType.WORKING_COMMITTEE, null, List.of()),
            org("t-committee", OrgType.COMMITTEE, "t-county", List.of("t-county")),
            org("t-branch-1", OrgType.BRANCH, "t-committee", List.of("t-county", "t-committee")),
            org("t-branch-2", OrgType.BRANCH, "t-committee", List.of("t-county", "t-committee")),
            org("o-root", OrgType.COMMITTEE, null, List.of()),
            org("o-branch", OrgType.BRANCH, "o-root", List.of("o-root")));

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("dangjian.services.activity", ACTIVITY::url);
        registry.add("dangjian.services.report", REPORT::url);
        registry.add("dangjian.services.review", REVIEW::url);
        registry.add("dangjian.services.notification", NOTIFICATION::url);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected LocalTokenIssuer tokens;
    @Autowired
    protected OrgTree tree;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected JsonMapper json;

    protected WebTestClient client;

    @BeforeEach
    void gatewayAndTree() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024))
                .build();
        if (!TREE.stream().allMatch(o -> tree.knows(o.orgId()))) {
            publish(TREE);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> TREE.stream().allMatch(o -> tree.knows(o.orgId())));
        }
    }

    protected static OrgState org(String id, OrgType type, String parentId, List<String> ancestors) {
        return new OrgState(id, id, type, parentId, ancestors, null, Instant.parse("2026-01-01T00:00:00Z"), 1);
    }

    /** Writes organisation states to the compacted topic, keyed by org id, as activity-service does. */
    protected void publish(List<OrgState> states) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (OrgState state : states) {
                producer.send(new ProducerRecord<>(Topics.ORGS, state.orgId(), json.writeValueAsBytes(state)));
            }
            producer.flush();
        }
    }

    protected String token(String subject, String orgId, String... roles) {
        return tokens.mint(subject, List.of(roles), orgId);
    }

    protected static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
