package org.dangjian.gateway.orgtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link OrgTree} in step with the compacted {@code dangjian.orgs.v1} topic. Every gateway instance needs
 * the whole tree, so this is not a consumer group member: it assigns itself every partition, reads from the
 * beginning and never commits. A tombstone (null value) removes an organisation. Only {@code orgId} and
 * {@code ancestors} of the OrgState are read, so policy changes in the contract do not concern the gateway.
 */
public class OrgTreeReplica implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrgTreeReplica.class);

    private final OrgTree tree;
    private final OrgReplicaProperties properties;
    private final JsonMapper json;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    /** Cut short the waits between retries when stopping (instead of interrupting a thread inside Kafka). */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    public OrgTreeReplica(OrgTree tree, OrgReplicaProperties properties, JsonMapper json) {
        this.tree = tree;
        this.properties = properties;
        this.json = json;
    }

    /** True once everything on the topic at assignment time has been read. */
    public boolean caughtUp() {
        return caughtUp.get();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        stopping = new CountDownLatch(1);
        // Deserializer instances, not class names: no class lookup through a thread's context class loader
        // (the local stack runs each service in its own class loader).
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        Thread t = new Thread(this::run, "org-tree-replica");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        stopping.countDown();
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-org-replica-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never let a metadata lookup create the topic: activity-service creates it compacted.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return p;
    }

    private void run() {
        KafkaConsumer<String, byte[]> c = consumer;
        Map<TopicPartition, Long> endOffsets = null;
        try {
            while (running.get()) {
                try {
                    if (endOffsets == null) {
                        endOffsets = assign(c);
                    }
                    for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    if (!caughtUp.get() && reached(c, endOffsets)) {
                        caughtUp.set(true);
                        log.info("Organisation tree replica caught up: {} organisations", tree.size());
                    }
                } catch (WakeupException | InterruptException e) {
                    // stop() asked us to leave; the loop condition ends it
                } catch (KafkaException e) {
                    // The client rides out broker outages itself; anything else: keep the replica, try again.
                    log.warn("Organisation tree replica: {}; retrying", e.toString());
                    pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(c);
        }
    }

    private static void close(KafkaConsumer<String, byte[]> c) {
        // Close cleanly even if this thread was interrupted, then keep the flag.
        boolean interrupted = Thread.interrupted();
        try {
            c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        } catch (KafkaException e) {
            log.debug("Closing the organisation tree replica: {}", e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the topic to exist (the gateway may start before any organisation), then takes every partition. */
    private Map<TopicPartition, Long> assign(KafkaConsumer<String, byte[]> c) throws InterruptedException {
        while (running.get()) {
            List<PartitionInfo> infos;
            try {
                infos = c.partitionsFor(properties.topic(), Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = List.of();
            }
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(partitions);
                c.seekToBeginning(partitions);
                return new HashMap<>(c.endOffsets(partitions));
            }
            log.info("Waiting for topic {} at {}", properties.topic(), properties.bootstrapServers());
            pause();
        }
        return Map.of();
    }

    private void pause() throws InterruptedException {
        stopping.await(properties.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean reached(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (c.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (record.value() == null) {
            if (key != null) {
                tree.remove(key);
            }
            return;
        }
        try {
            JsonNode state = json.readTree(record.value());
            String orgId = state.path("orgId").asString(key);
            if (orgId == null || orgId.isBlank()) {
                return;
            }
            List<String> ancestors = new ArrayList<>();
            state.path("ancestors").forEach(a -> ancestors.add(a.asString()));
            tree.put(orgId, ancestors);
        } catch (RuntimeException e) {
            // One unreadable record must not stop the replica; the next state of that organisation repairs it.
            log.warn("Skipping unreadable organisation record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
