package org.dangjian.report.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dangjian.contracts.activity.ActivityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The same flow against the real images; skipped, visibly, where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealImagesIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("dangjian-report"));
    }

    @Autowired
    Environment env;
    @Autowired
    JsonMapper json;

    @Test
    void meetingPublishedToRealKafkaShowsInTheReport() throws Exception {
        try (TestEvents events = new TestEvents(KAFKA.getBootstrapServers(), json)) {
            events.publish(TestEvents.event("b-real", ActivityType.MEETING_HELD, "2026-03-04T09:00:00+08:00",
                    TestEvents.meeting("BRANCH_COMMITTEE", 5, 7)));
        }
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + env.getProperty("local.server.port") + "/api/reports/b-real/2026");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        JsonNode r = json.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(r.path("meetings").path("BRANCH_COMMITTEE").path("count").asLong()).isEqualTo(1);
    }
}
