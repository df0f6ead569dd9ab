package org.dangjian.activity.web;

import java.util.List;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON subtrees into records without guessing: no "12" for a number, no 12.5 truncated to 12, no null
 * for a primitive, no unknown enum value. A failure names the field ({@code prefix.path}).
 */
@Component
public class StrictJson {

    private final JsonMapper strict;

    public StrictJson(JsonMapper jsonMapper) {
        this.strict = jsonMapper.rebuild()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public <T> T read(JsonNode node, Class<T> type, String prefix) {
        try {
            return strict.treeToValue(node, type);
        } catch (JacksonException e) {
            String path = JsonPaths.of(e);
            String field = path.isEmpty() ? prefix : prefix + "." + path;
            throw ApiException.badRequest(List.of(new FieldProblem(field, reason(e))));
        }
    }

    private static String reason(JacksonException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("not one of the values accepted") || m.contains("Enum")) {
            return "不是允许的取值";
        }
        return "类型或取值无效";
    }
}
