package org.dangjian.report.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The incarnation of a topic: its Kafka topic id. Offsets only mean something within one incarnation (a topic
 * deleted and created again, or a broker that lost its log, starts again at 0), so offset guards are keyed by it.
 */
@Component
public class TopicIdentity {

    private final String brokers;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public TopicIdentity(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.brokers = brokers;
    }

    public String keyOf(String topic) {
        return ids.computeIfAbsent(topic, this::lookup);
    }

    /** Forget cached ids (after a rebuild the topic may have been recreated). */
    public void forget() {
        ids.clear();
    }

    private String lookup(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Uuid id = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .topicId();
            return id.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the topic id of " + topic, e);
        }
    }
}
