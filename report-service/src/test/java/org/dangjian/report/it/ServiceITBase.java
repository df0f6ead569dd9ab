package org.dangjian.report.it;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One Spring context for all ITs: real in-process Kafka (KRaft) and a real Mongo wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.bindings.activities-in-0.consumer.configuration.fetch.max.wait.ms=50",
        "logging.level.org.apache.kafka=ERROR", "logging.level.kafka=ERROR", "logging.level.state.change.logger=ERROR",
        "logging.level.org.springframework.cloud.stream=WARN", "logging.level.de.bwaldvogel=WARN",
        "logging.level.org.springframework.kafka=WARN", "logging.level.org.apache.zookeeper=WARN"})
@EmbeddedKafka(partitions = 3, topics = {Topics.ACTIVITIES, Topics.ORGS})
public abstract class ServiceITBase {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
    }

    @Autowired
    protected Environment env;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected TestEvents events;
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void openProducer() {
        events = new TestEvents(broker.getBrokersAsString(), json);
    }

    @AfterEach
    void closeProducer() {
        events.close();
    }

    protected String base() {
        return "http://localhost:" + env.getProperty("local.server.port");
    }

    protected HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> getAs(String path, String header, String value) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header(header, value).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postAs(String path, String header, String value) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header(header, value)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode report(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            return null;
        }
        return json.readTree(r.body());
    }

    protected long count(JsonNode report, String meetingType) {
        return report == null ? -1 : report.path("meetings").path(meetingType).path("count").asLong();
    }
}
