package org.dangjian.activity.web;

import java.util.List;
import org.dangjian.activity.error.FieldProblem;
import tools.jackson.databind.JsonNode;

/** Reads top-level fields of a request body by hand, collecting every problem instead of stopping at the first. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The string at {@code field}, or null with a problem recorded when it is absent (and required) or not a string. */
    public static String text(JsonNode body, String field, List<FieldProblem> errors, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldProblem(field, "必填"));
            }
            return null;
        }
        if (!n.isString()) {
            errors.add(new FieldProblem(field, "须为字符串"));
            return null;
        }
        return n.asString();
    }
}
