package org.dangjian.report.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.dangjian.contracts.Topics;
import org.dangjian.report.projection.ActivityFold;
import org.dangjian.report.projection.ConsumedEvent;
import org.dangjian.report.projection.PayloadReader;
import org.dangjian.report.projection.ProjectionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** Binds {@code activities-in-0} (batch mode): one poll becomes one coalesced, guarded bulk write. */
@Configuration
public class ActivityConsumerConfig {

    @Bean
    ActivityFold activityFold(PayloadReader payloads) {
        return new ActivityFold(payloads);
    }

    @Bean
    Consumer<Message<List<byte[]>>> activities(ProjectionStore store, ActivityEvents events, TopicIdentity topics,
            RebuildGate gate) {
        return message -> {
            List<?> values = message.getPayload();
            List<?> partitions = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
            List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
            List<?> topicNames = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, List.class);
            String topic = topicNames == null || topicNames.isEmpty() ? Topics.ACTIVITIES : (String) topicNames.get(0);
            String topicKey = topics.keyOf(topic);
            List<ConsumedEvent> batch = events.newList(values.size());
            for (int i = 0; i < values.size(); i++) {
                events.add(batch, topicKey, ((Number) partitions.get(i)).intValue(),
                        ((Number) offsets.get(i)).longValue(),
                        values.get(i) instanceof byte[] b ? b : null);
            }
            gate.live().lock();
            try {
                store.apply(batch);
            } finally {
                gate.live().unlock();
            }
        };
    }
}
