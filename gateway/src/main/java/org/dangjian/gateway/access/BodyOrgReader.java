package org.dangjian.gateway.access;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the organisations a request body names. Duplicate keys are refused: a body saying {@code orgId} twice
 * could be read one way here and another way by the service.
 */
public final class BodyOrgReader {

    /** What a body says: the organisations it names and, for an organisation, its parent. */
    public record BodyOrgs(List<String> orgs, String parentId) {
    }

    private final JsonMapper json;

    public BodyOrgReader(JsonMapper json) {
        this.json = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    public BodyOrgs read(Scope scope, byte[] body) {
        JsonNode root = parse(body);
        return switch (scope) {
            case ACTIVITY_BODY -> new BodyOrgs(List.of(requiredId(object(root, "body"), "orgId", "orgId")), null);
            case BATCH_BODY -> new BodyOrgs(batchOrgs(root), null);
            case CYCLE_BODY -> new BodyOrgs(cycleOrgs(object(root, "body")), null);
            case ORG_PUT -> new BodyOrgs(List.of(), optionalId(object(root, "body"), "parentId"));
            default -> new BodyOrgs(List.of(), null);
        };
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidBodyException("body", "请求体为空");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidBodyException("body", "请求体不是合法的 JSON：" + e.getOriginalMessage());
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidBodyException(field, "应为 JSON 对象");
        }
        return node;
    }

    private static List<String> batchOrgs(JsonNode root) {
        JsonNode events = root.isObject() ? root.get("events") : root;
        String prefix = root.isObject() ? "events" : "";
        if (events == null || !events.isArray()) {
            throw new InvalidBodyException(root.isObject() ? "events" : "body", "应为事件数组");
        }
        if (events.isEmpty()) {
            throw new InvalidBodyException(root.isObject() ? "events" : "body", "事件数组为空");
        }
        List<String> orgs = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            String at = prefix + "[" + i + "]";
            orgs.add(requiredId(object(events.get(i), at), "orgId", at + ".orgId"));
        }
        return orgs;
    }

    private static List<String> cycleOrgs(JsonNode root) {
        List<String> orgs = new ArrayList<>();
        orgs.add(requiredId(root, "committeeOrgId", "committeeOrgId"));
        JsonNode ids = root.get("orgIds");
        if (ids == null || ids.isNull()) {
            return orgs;
        }
        if (!ids.isArray()) {
            throw new InvalidBodyException("orgIds", "应为组织编号数组");
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isString() || id.asString().isBlank()) {
                throw new InvalidBodyException("orgIds[" + i + "]", "应为非空的组织编号");
            }
            orgs.add(id.asString());
        }
        return orgs;
    }

    private static String requiredId(JsonNode node, String name, String field) {
        String id = optionalId(node, name, field);
        if (id == null) {
            throw new InvalidBodyException(field, "必须填写组织编号");
        }
        return id;
    }

    private static String optionalId(JsonNode node, String name) {
        return optionalId(node, name, name);
    }

    private static String optionalId(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw new InvalidBodyException(field, "应为非空的组织编号");
        }
        return value.asString();
    }
}
