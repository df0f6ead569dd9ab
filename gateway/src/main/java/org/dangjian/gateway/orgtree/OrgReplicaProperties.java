package org.dangjian.gateway.orgtree;

import java.time.Duration;
import org.dangjian.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the organisation tree replica reads from.
 *
 * @param bootstrapServers the Kafka brokers (defaults to the binder's brokers the stack passes every service)
 * @param topic            the compacted organisation topic
 * @param retryInterval    how long to wait before looking again for a topic that does not exist yet
 */
@ConfigurationProperties("dangjian.gateway.org-replica")
public record OrgReplicaProperties(String bootstrapServers, String topic, Duration retryInterval) {

    public OrgReplicaProperties {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? "localhost:9092" : bootstrapServers;
        topic = topic == null || topic.isBlank() ? Topics.ORGS : topic;
        retryInterval = retryInterval == null ? Duration.ofSeconds(2) : retryInterval;
    }
}
