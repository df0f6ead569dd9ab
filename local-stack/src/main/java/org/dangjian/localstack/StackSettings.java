package org.dangjian.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it takes.
 *
 * @param repositoryRoot the checkout whose built modules the services are started from
 * @param dataDir        Kafka's log and the Mongo file live here, so a restart loses nothing
 */
public record StackSettings(Path repositoryRoot, Path dataDir, int gatewayPort, int activityPort, int reportPort,
        int reviewPort, int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort) {

    /** The documented defaults, each overridable by a system property or environment variable. */
    public static StackSettings fromEnvironment() {
        Path root = locateRepositoryRoot(Path.of("").toAbsolutePath());
        return new StackSettings(root,
                Path.of(setting("dangjian.data-dir", "DANGJIAN_DATA_DIR", root.resolve("data").toString()))
                        .toAbsolutePath(),
                port("dangjian.gateway-port", "GATEWAY_PORT", 8080),
                port("dangjian.activity-port", "ACTIVITY_PORT", 8081),
                port("dangjian.report-port", "REPORT_PORT", 8082),
                port("dangjian.review-port", "REVIEW_PORT", 8083),
                port("dangjian.notification-port", "NOTIFICATION_PORT", 8084),
                port("dangjian.kafka-port", "KAFKA_PORT", 9092),
                port("dangjian.kafka-controller-port", "KAFKA_CONTROLLER_PORT", 9093),
                port("dangjian.mongo-port", "MONGO_PORT", 27017));
    }

    /** Free ports everywhere: for tests that must not collide with a stack already running here. */
    public static StackSettings withFreePorts(Path repositoryRoot, Path dataDir) {
        return new StackSettings(repositoryRoot, dataDir, freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort());
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** Walks up from {@code start} to the directory holding the root pom and the local-stack module. */
    static Path locateRepositoryRoot(Path start) {
        String explicit = setting("dangjian.repository-root", "DANGJIAN_REPOSITORY_ROOT", null);
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the local stack from inside the dangjian checkout (no pom.xml with a "
                + "local-stack module above " + start + "), or set DANGJIAN_REPOSITORY_ROOT");
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String property, String env, int fallback) {
        return Integer.parseInt(setting(property, env, Integer.toString(fallback)));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
