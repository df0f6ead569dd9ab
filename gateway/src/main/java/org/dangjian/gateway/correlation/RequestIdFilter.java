package org.dangjian.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.dangjian.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts the client's {@code X-Request-Id} (if it looks like an id) or makes one, passes it downstream, returns it
 * on every answer (also the gateway's own 401/403/429/503) and writes one access-log line with it in the MDC.
 * Runs first, before security, so even refused requests carry the id.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger("org.dangjian.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestId(exchange.getRequest());
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> h.set(CloudEventHeaders.REQUEST_ID_HEADER, requestId))
                .build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ATTRIBUTE, requestId);
        mutated.getResponse().beforeCommit(() -> {
            mutated.getResponse().getHeaders().set(CloudEventHeaders.REQUEST_ID_HEADER, requestId);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(mutated)
                .doFinally(signal -> logAccess(mutated, requestId, started));
    }

    private static String requestId(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(CloudEventHeaders.REQUEST_ID_HEADER);
        if (given != null && ACCEPTABLE.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        // Reactive code hops threads, so the MDC is set just around the line that needs it.
        MDC.put(MDC_KEY, requestId);
        try {
            log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    exchange.getResponse().getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
