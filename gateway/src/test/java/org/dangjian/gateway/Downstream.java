package org.dangjian.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for one service: it answers every request with 200 and a JSON echo of what it
 * received (method, path, headers, body), so tests see exactly what the gateway forwarded. A request carrying
 * {@code X-Test-Delay-Ms} is answered that much later (a slow service). It can be stopped and started again on
 * the same port (a service going down and coming back).
 */
public final class Downstream {

    private static final java.util.Random RANDOM = new java.util.Random();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private volatile MockWebServer server;
    private volatile int port;

    public Downstream(String name) {
        this.name = name;
    }

    /**
     * Starts on a port below Linux's ephemeral range, so that while the service is "down" no outgoing connection
     * of the gateway or Kafka can be given its port and it can come back on the same one.
     */
    public synchronized Downstream start() {
        if (port != 0) {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> tryStart(port));
            return this;
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            if (tryStart(20_000 + RANDOM.nextInt(12_000))) {
                port = server.getPort();
                return this;
            }
        }
        throw new IllegalStateException("no free port for " + name);
    }

    private boolean tryStart(int candidate) {
        MockWebServer s = newServer();
        try {
            s.start(InetAddress.getLoopbackAddress(), candidate);
            server = s;
            return true;
        } catch (IOException e) {
            s.close();
            if (port != 0) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    public synchronized void stop() {
        server.close();
        server = null;
    }

    public synchronized void restartIfStopped() {
        if (server == null) {
            start();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private MockWebServer newServer() {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return echo(request);
            }
        });
        return s;
    }

    private MockResponse echo(RecordedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : request.getHeaders().names()) {
            headers.put(header.toLowerCase(Locale.ROOT), String.join(",", request.getHeaders().values(header)));
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", name);
        echo.put("method", request.getMethod());
        echo.put("path", request.getUrl().encodedPath());
        echo.put("query", request.getUrl().encodedQuery());
        echo.put("headers", headers);
        echo.put("body", request.getBody() == null ? "" : request.getBody().utf8());
        MockResponse.Builder response = new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(echo));
        String delay = headers.get("x-test-delay-ms");
        if (delay != null) {
            response.headersDelay(Long.parseLong(delay), TimeUnit.MILLISECONDS);
        }
        return response.build();
    }
}
