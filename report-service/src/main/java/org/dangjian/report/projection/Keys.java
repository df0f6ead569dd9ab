package org.dangjian.report.projection;

/** Turns ids into safe document field names (MongoDB paths split on '.', and '$' starts an operator). */
public final class Keys {

    private Keys() {
    }

    public static String safe(String id) {
        if (id == null || id.isEmpty()) {
            return "_";
        }
        return id.replace('.', '_').replace('$', '_');
    }
}
