package org.dangjian.activity.web;

import tools.jackson.core.JacksonException;

/** Renders Jackson's reference path as a dotted field name: {@code payload.memberIds[2]}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
