package org.dangjian.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Services trust {@code X-Dangjian-*} headers, so a client must never be able to send them: every one is removed
 * here, on every path, before anything else looks at the request. The authorisation filter sets them again from
 * the verified token.
 */
@Component
public class StripCallerHeadersFilter implements WebFilter, Ordered {

    static final String PREFIX = "x-dangjian-";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> sent = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        if (sent.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> sent.forEach(h::remove))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
