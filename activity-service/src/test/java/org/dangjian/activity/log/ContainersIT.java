package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.dangjian.activity.ActivityServiceApplication;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.Topic;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Against the real images where Docker exists; skipped (visibly) where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Test
    void postedMeetingReachesRealKafka() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ActivityServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("dangjian-activity"),
                "--spring.cloud.stream.kafka.binder.brokers=" + KAFKA.getBootstrapServers())) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.put("/api/orgs/tc-b1", "{\"name\":\"党支部\",\"type\":\"BRANCH\"}").status()).isEqualTo(201);
            assertThat(http.post("/api/activities", "{\"eventId\":\"tc-1\",\"orgId\":\"tc-b1\",\"type\":\"MEETING_HELD\","
                    + "\"occurredAt\":\"2026-03-04T09:00:00+08:00\",\"payload\":{\"meetingType\":\"PARTY_LECTURE\","
                    + "\"attendees\":5,\"expected\":6,\"topic\":\"党课\"}}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Topic.readAll(
                    KAFKA.getBootstrapServers(), Topics.ACTIVITIES, r -> "tc-b1".equals(r.key())).size() == 1);
        }
    }
}
