package org.dangjian.gateway.resilience;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.dangjian.gateway.problem.Problems;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or the breaker is open: 503
 * problem+json with {@code Retry-After}, at once, instead of a hanging client. Reached only by the gateway's own
 * forward (security refuses it from outside).
 */
@Hidden
@RestController
class FallbackController {

    private final Problems problems;
    private final ResilienceProperties properties;

    FallbackController(Problems problems, ResilienceProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String why = cause == null ? "" : "（" + cause.getClass().getSimpleName() + "）";
        long seconds = Math.max(1, properties.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(Problems.PROBLEM_JSON)
                .body(problems.body(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                        "服务 " + service + " 暂时不可用或响应超时" + why + "，请在 " + seconds + " 秒后重试", null, null));
    }
}
