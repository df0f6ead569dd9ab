package org.dangjian.review.org;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binding {@code orgs-in-0}: the compacted {@code dangjian.orgs.v1} topic (OrgState JSON) into the replica. */
@Configuration(proxyBeanMethods = false)
public class OrgStateConsumer {

    private static final Logger log = LoggerFactory.getLogger(OrgStateConsumer.class);

    @Bean
    public Consumer<Message<byte[]>> orgs(MongoOrgDirectory directory, JsonMapper json) {
        return message -> {
            Object payload = message.getPayload();
            if (!(payload instanceof byte[] bytes) || bytes.length == 0) {
                return; // tombstone: organisations are never deleted by activity-service, keep what we know
            }
            OrgNode node = read(json, bytes);
            if (node != null) {
                directory.apply(node);
            }
        };
    }

    /** Reads only the fields we need, so a richer OrgState (new policy fields) never breaks the replica. */
    static OrgNode read(JsonMapper json, byte[] bytes) {
        try {
            JsonNode tree = json.readTree(bytes);
            String orgId = text(tree, "orgId");
            if (orgId == null) {
                log.warn("OrgState without orgId ignored");
                return null;
            }
            List<String> ancestors = new ArrayList<>();
            JsonNode a = tree.get("ancestors");
            if (a != null && a.isArray()) {
                a.forEach(n -> ancestors.add(n.asString()));
            }
            JsonNode version = tree.get("version");
            return new OrgNode(orgId, text(tree, "name"), text(tree, "type"), text(tree, "parentId"), ancestors,
                    version == null ? 0 : version.asLong());
        } catch (RuntimeException e) {
            log.warn("Unreadable OrgState ignored: {}", e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }
}
