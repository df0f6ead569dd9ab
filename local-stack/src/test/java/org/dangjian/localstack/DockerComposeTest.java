package org.dangjian.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on our machines, so docker-compose.yml is checked by reading: it parses (anchors and
 * merge keys included), every service is built from a Dockerfile that exists and ships that module's jar, waits
 * for healthy infrastructure, and is only given environment variables its application.yml actually reads.
 */
class DockerComposeTest {

    private static final Path ROOT = StackSettings.locateRepositoryRoot(Path.of("").toAbsolutePath());
    private static final List<String> SERVICES = List.of("activity-service", "report-service", "review-service",
            "notification-service", "gateway");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void describesKafkaMongoAndTheFiveServicesWithHealthChecks() throws IOException {
        var services = services();
        assertThat(services).containsKeys("kafka", "mongo").containsKeys(SERVICES.toArray(String[]::new));
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(services.get("mongo")).containsKey("healthcheck");
        assertThat(services.get("mongo").get("command").toString()).contains("--replSet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity-service", "report-service", "review-service", "notification-service", "gateway"})
    @SuppressWarnings("unchecked")
    void serviceIsBuiltFromItsModuleAndWaitsForHealthyInfrastructure(String name) throws IOException {
        Map<String, Object> service = services().get(name);

        Path dockerfile = ROOT.resolve(service.get("build").toString()).resolve("Dockerfile");
        assertThat(dockerfile).exists();
        String docker = Files.readString(dockerfile);
        assertThat(docker).contains("COPY target/" + name + "-*-exec.jar").contains("HEALTHCHECK");
        assertThat(docker).contains("EXPOSE " + defaultPort(name));

        var dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        assertThat(dependsOn.get("kafka")).containsEntry("condition", "service_healthy");
        if (!name.equals("gateway")) { // the gateway keeps no data of its own
            assertThat(dependsOn.get("mongo")).containsEntry("condition", "service_healthy");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity-service", "report-service", "review-service", "notification-service", "gateway"})
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableGivenIsReadByTheService(String name) throws IOException {
        var environment = (Map<String, Object>) services().get(name).get("environment");
        String config = Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
        for (String variable : environment.keySet()) {
            if (variable.equals("TZ") || variable.startsWith("SPRING_")) {
                continue; // read by the JVM, and by Spring Boot's own binding of spring.* properties
            }
            assertThat(config).as("%s's application.yml reads ${%s}", name, variable).contains("${" + variable);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayIsTheOnlyPublishedPortAndStartsAfterTheServices() throws IOException {
        var services = services();
        for (String name : SERVICES) {
            assertThat(services.get(name).containsKey("ports")).as(name).isEqualTo(name.equals("gateway"));
        }
        var dependsOn = (Map<String, Object>) services.get("gateway").get("depends_on");
        assertThat(dependsOn).containsKeys("activity-service", "report-service", "review-service",
                "notification-service");
    }

    private static String defaultPort(String module) throws IOException {
        String config = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
        Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(config);
        assertThat(port.find()).as(module + " declares server.port: ${PORT:...}").isTrue();
        return port.group(1);
    }
}
