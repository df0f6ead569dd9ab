package org.dangjian.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the local stack starts one service: its module, main class, port and the properties it is given. */
record ServiceSpec(String module, String mainClass, int port, List<String> args) {

    static Map<String, ServiceSpec> all(StackSettings s) {
        Map<String, ServiceSpec> specs = new LinkedHashMap<>();
        add(specs, s, "activity-service", "org.dangjian.activity.ActivityServiceApplication", s.activityPort());
        add(specs, s, "report-service", "org.dangjian.report.ReportServiceApplication", s.reportPort());
        add(specs, s, "review-service", "org.dangjian.review.ReviewServiceApplication", s.reviewPort(),
                "--dangjian.services.report=http://localhost:" + s.reportPort());
        add(specs, s, "notification-service", "org.dangjian.notification.NotificationServiceApplication",
                s.notificationPort());
        add(specs, s, "gateway", "org.dangjian.gateway.GatewayApplication", s.gatewayPort(),
                "--spring.profiles.active=local",
                // Kept with the rest of the data, so tokens minted before a restart still work after it.
                "--dangjian.gateway.dev-tokens.key-file=" + s.dataDir().resolve("gateway/dev-token-key.pem"),
                "--dangjian.services.activity=http://localhost:" + s.activityPort(),
                "--dangjian.services.report=http://localhost:" + s.reportPort(),
                "--dangjian.services.review=http://localhost:" + s.reviewPort(),
                "--dangjian.services.notification=http://localhost:" + s.notificationPort());
        return specs;
    }

    private static void add(Map<String, ServiceSpec> specs, StackSettings s, String module, String mainClass,
            int port, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + s.mongoUri(),
                "--spring.cloud.stream.kafka.binder.brokers=" + s.kafkaBootstrap(),
                "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrap(),
                // The stack closes every context itself, in order, from its own shutdown hook.
                "--spring.main.register-shutdown-hook=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.dangjian=INFO"));
        args.addAll(List.of(extra));
        specs.put(module, new ServiceSpec(module, mainClass, port, List.copyOf(args)));
    }

    IsolatedService start(Path repositoryRoot) {
        return IsolatedService.start(repositoryRoot, module, mainClass, args);
    }
}
