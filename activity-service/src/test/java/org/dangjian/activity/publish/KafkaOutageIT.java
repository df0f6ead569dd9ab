package org.dangjian.activity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.activity.ActivityServiceApplication;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.KraftBroker;
import org.dangjian.activity.support.MongoSupport;
import org.dangjian.activity.support.Topic;
import org.dangjian.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka goes away while branches keep posting: every post is still answered 202 once stored, and when a broker
 * is back on the same address the relay publishes every event exactly once, in order per organisation.
 */
class KafkaOutageIT {

    private KraftBroker broker;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eventsPostedDuringAnOutageArePublishedOnceInOrderWhenKafkaIsBack(@TempDir Path kafkaLog) throws Exception {
        broker = new KraftBroker(kafkaLog);
        broker.start();
        String brokers = broker.brokers();
        app = new SpringApplicationBuilder(ActivityServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + MongoSupport.uri(),
                "--spring.mongodb.database=activity-outage",
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--dangjian.activity.publish.relay-interval=300ms",
                "--dangjian.activity.publish.breaker-open-wait=1s",
                "--spring.main.banner-mode=off");
        Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        List<String> orgs = List.of("out-a", "out-b", "out-c");
        for (String org : orgs) {
            assertThat(http.put("/api/orgs/" + org, "{\"name\":\"" + org + "\",\"type\":\"BRANCH\"}").status())
                    .isEqualTo(201);
            assertThat(http.post("/api/activities", meeting(org + "-warm", org, 1)).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> Topic.readAll(brokers, Topics.ACTIVITIES, r -> r.key().startsWith("out-")).size() == 3);

        broker.stop();

        Map<String, List<String>> posted = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            for (String org : orgs) {
                String id = org + "-" + i;
                Http.Response r = http.post("/api/activities", meeting(id, org, i + 1));
                assertThat(r.status()).isEqualTo(202);
                assertThat(r.json().get("status").asString()).isEqualTo("ACCEPTED");
                posted.computeIfAbsent(org, k -> new ArrayList<>()).add(id);
            }
        }

        // Tree changes during the outage are kept too (the org document is its own outbox).
        assertThat(http.put("/api/orgs/out-d", "{\"name\":\"out-d\",\"type\":\"BRANCH\",\"parentId\":\"out-a\"}")
                .status()).isEqualTo(201);

        // The broker comes back on the same address, its log intact.
        broker.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(
                () -> Topic.readAll(brokers, Topics.ACTIVITIES, r -> r.key().startsWith("out-")).size() >= 33);
        List<ConsumerRecord<String, byte[]>> records =
                Topic.readAll(brokers, Topics.ACTIVITIES, r -> r.key().startsWith("out-"));
        Map<String, List<String>> seen = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                java.util.LinkedHashMap::new, Collectors.mapping(r -> Topic.header(r, "ce_id"), Collectors.toList())));
        for (String org : orgs) {
            // Partition order is the order within an organisation (one key, one partition).
            List<String> expected = new ArrayList<>();
            expected.add(org + "-warm");
            expected.addAll(posted.get(org));
            assertThat(seen.get(org)).as(org).containsExactlyElementsOf(expected);
        }
        assertThat(records).hasSize(33);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> Topic.readAll(brokers, Topics.ORGS, r -> "out-d".equals(r.key())).size() == 1);
    }

    private static String meeting(String id, String org, int day) {
        return "{\"eventId\":\"" + id + "\",\"orgId\":\"" + org + "\",\"type\":\"MEETING_HELD\","
                + "\"occurredAt\":\"2026-03-" + String.format("%02d", day) + "T09:00:00+08:00\",\"payload\":"
                + "{\"meetingType\":\"PARTY_GROUP\",\"attendees\":3,\"expected\":4,\"topic\":\"党小组学习\"}}";
    }

}
