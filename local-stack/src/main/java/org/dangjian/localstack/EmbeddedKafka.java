package org.dangjian.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller) inside this JVM, with its log in
 * the data directory. Kafka's own test broker keeps its log in temporary folders, which would make remembered
 * consumer offsets meaningless after a restart; this one formats its folder once and reuses it.
 */
final class EmbeddedKafka implements AutoCloseable {

    /** Fixed, so a restart on the same folder is the same cluster. */
    private static final String CLUSTER_ID = new Uuid(0x64616e676a69616eL, 0x2d6c6f63616c2d31L).toString();
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;

    private EmbeddedKafka(KafkaRaftServer server) {
        this.server = server;
    }

    static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(CLUSTER_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(CONTROLLER)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config(logDir, port, controllerPort)),
                Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server);
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A single local broker: flush nothing early, but keep shutdown quick.
        props.put("controlled.shutdown.enable", "false");
        return props;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
