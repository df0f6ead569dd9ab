package org.dangjian.review.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-socket HTTP client for the integration tests. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, content type and the body parsed as JSON (null when empty or not JSON). */
    public record Resp(int status, String contentType, JsonNode body, String raw) {

        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + raw;
        }
    }

    public static Map<String, String> as(String org) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Dangjian-Org", org);
        h.put("X-Dangjian-Subject", "user-of-" + org);
        h.put("X-Dangjian-Roles", "COMMITTEE,LEADER,BRANCH_SYSTEM");
        return h;
    }

    public Resp get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Resp get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Resp post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Resp put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    public Resp patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, body, headers);
    }

    /** {@code body}: a String is sent as is (to send malformed JSON), anything else as JSON. */
    public Resp send(String method, String path, Object body, Map<String, String> headers) {
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (ct.contains("json") && !r.body().isEmpty()) {
                json = JSON.readTree(r.body());
            }
            return new Resp(r.statusCode(), ct, json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
