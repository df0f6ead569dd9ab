package org.dangjian.report.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.dangjian.contracts.Topics;
import org.dangjian.report.config.ReportProperties;
import org.dangjian.report.messaging.ActivityEvents;
import org.dangjian.report.messaging.RebuildGate;
import org.dangjian.report.messaging.TopicIdentity;
import org.dangjian.report.projection.ConsumedEvent;
import org.dangjian.report.projection.ProjectionStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every projection from the beginning of the activity topic: keeps the live consumer out (in this
 * instance), drops projections, rosters and processed records, then replays the topic up to its end offsets
 * taken at the start through the same guarded writer. The live consumer resumes from its committed offsets; what
 * the replay already applied is skipped by the offset guards, so the numbers land where they would have.
 */
@Service
public class RebuildService {

    private final MongoTemplate mongo;
    private final ProjectionStore store;
    private final ActivityEvents events;
    private final TopicIdentity topics;
    private final RebuildGate gate;
    private final ReportProperties properties;
    private final String brokers;

    public RebuildService(MongoTemplate mongo, ProjectionStore store, ActivityEvents events, TopicIdentity topics,
            RebuildGate gate, ReportProperties properties,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
        this.topics = topics;
        this.gate = gate;
        this.properties = properties;
        this.brokers = brokers;
    }

    public record Result(long recordsRead, long durationMs) {
    }

    public Result rebuild() {
        long start = System.nanoTime();
        gate.rebuild().lock();
        try {
            topics.forget();
            String topicKey = topics.keyOf(Topics.ACTIVITIES);
            mongo.getCollection(ProjectionStore.PROJECTIONS).drop();
            mongo.getCollection(ProjectionStore.ROSTERS).drop();
            mongo.getCollection(ProjectionStore.PROCESSED).drop();
            long read = 0;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo p : consumer.partitionsFor(Topics.ACTIVITIES, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                while (!done(consumer, end)) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(properties.rebuildPollTimeout());
                    List<ConsumedEvent> batch = events.newList(records.count());
                    for (ConsumerRecord<byte[], byte[]> rec : records) {
                        Long limit = end.get(new TopicPartition(rec.topic(), rec.partition()));
                        if (limit != null && rec.offset() < limit) {
                            events.add(batch, topicKey, rec.partition(), rec.offset(), rec.value());
                            read++;
                        }
                    }
                    store.apply(batch);
                }
            }
            return new Result(read, Duration.ofNanos(System.nanoTime() - start).toMillis());
        } finally {
            gate.rebuild().unlock();
        }
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
