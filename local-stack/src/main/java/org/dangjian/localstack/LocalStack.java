package org.dangjian.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real KRaft Kafka broker, a file-backed Mongo-wire server and the five services, all in
 * one JVM, all data under one directory. {@code java -jar local-stack/target/local-stack-*-exec.jar} from the
 * repository root after {@code mvn -B -DskipTests package}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;
    private final List<IsolatedService> services;

    private LocalStack(StackSettings settings, EmbeddedMongo mongo, EmbeddedKafka kafka,
            List<IsolatedService> services) {
        this.settings = settings;
        this.mongo = mongo;
        this.kafka = kafka;
        this.services = services;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = start(StackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        System.out.println(stack.describe());
    }

    public static LocalStack start(StackSettings settings) throws Exception {
        long started = System.nanoTime();
        EmbeddedMongo mongo = EmbeddedMongo.start(settings.dataDir().resolve("mongo"), settings.mongoPort());
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort());
        } catch (Exception e) {
            mongo.close();
            throw e;
        }
        List<IsolatedService> services = new ArrayList<>();
        try {
            services.addAll(startServices(settings));
        } catch (RuntimeException e) {
            new LocalStack(settings, mongo, kafka, services).close();
            throw e;
        }
        log.info("local stack up in {} s", (System.nanoTime() - started) / 1_000_000_000);
        return new LocalStack(settings, mongo, kafka, services);
    }

    private static List<IsolatedService> startServices(StackSettings s) {
        Map<String, ServiceSpec> specs = ServiceSpec.all(s);
        // The four back-end services start side by side; the gateway last, so it never routes to nothing.
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        List<IsolatedService> started = new ArrayList<>();
        try {
            List<CompletableFuture<IsolatedService>> backends = specs.values().stream()
                    .filter(spec -> !spec.module().equals("gateway"))
                    .map(spec -> CompletableFuture.supplyAsync(() -> spec.start(s.repositoryRoot()), pool))
                    .toList();
            RuntimeException failure = null;
            for (CompletableFuture<IsolatedService> future : backends) {
                try {
                    started.add(future.join());
                } catch (CompletionException e) {
                    // A start can also fail with an Error (a stale class path): report it, never mask it.
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a service failed to start", e.getCause());
                    failure = failure == null ? cause : failure;
                }
            }
            if (failure != null) {
                started.forEach(IsolatedService::close);
                throw failure;
            }
            started.add(specs.get("gateway").start(s.repositoryRoot()));
            return started;
        } finally {
            pool.shutdown();
        }
    }

    public StackSettings settings() {
        return settings;
    }

    String describe() {
        StringBuilder text = new StringBuilder("\n dangjian local stack is up. Data: ").append(settings.dataDir())
                .append('\n');
        ServiceSpec.all(settings).values().forEach(spec -> text.append(String.format("  %-22s http://localhost:%d%n",
                spec.module(), spec.port())));
        text.append(String.format("  %-22s %s%n", "kafka (KRaft)", settings.kafkaBootstrap()))
                .append(String.format("  %-22s %s%n", "mongodb (wire)", settings.mongoUri()))
                .append(" Public API: ").append(settings.gatewayUrl())
                .append("  (token: POST /api/dev/tokens; API docs: /swagger-ui.html)\n")
                .append(" Ctrl-C stops everything.\n");
        return text.toString();
    }

    /** Stops the gateway first and the store last, so nothing in flight loses its broker or database. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            IsolatedService service = services.get(i);
            try {
                service.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly", service.module(), e);
            }
        }
        services.clear();
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
