package org.dangjian.gateway.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.gateway.problem.Problems;
import org.dangjian.gateway.problem.Problems.FieldError;
import org.dangjian.gateway.security.Caller;
import org.dangjian.gateway.security.JwtCallers;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authorisation for every proxied request, after authentication and the rate limit: finds the request's line in
 * {@link AccessRules}, checks the roles, reads the body once when the organisation is in it (capped; the bytes
 * are passed on unchanged), asks {@link AccessPolicy} about the subtree, and on success tells the service who
 * is calling ({@link CallerHeaders}).
 */
public class AuthorizationFilter implements WebFilter, Ordered {

    public static final int ORDER = -40;

    private record CompiledRule(AccessRule rule, PathPattern pattern) {
    }

    private final List<CompiledRule> rules;
    private final AccessPolicy policy;
    private final BodyOrgReader bodyReader;
    private final JwtCallers callers;
    private final Problems problems;
    private final long maxBodyBytes;

    public AuthorizationFilter(List<AccessRule> rules, AccessPolicy policy, BodyOrgReader bodyReader,
            JwtCallers callers, Problems problems, AccessProperties properties) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = rules.stream().map(r -> new CompiledRule(r, parser.parse(r.pattern()))).toList();
        this.policy = policy;
        this.bodyReader = bodyReader;
        this.callers = callers;
        this.problems = problems;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!proxied(path)) {
            return chain.filter(exchange);
        }
        if (ambiguous(request.getURI().getRawPath())) {
            return invalid(exchange, "path", "路径含有 .、..、//、;、\\ 或编码的 / . \\，不予转发");
        }
        if (request.getHeaders().getContentLength() > maxBodyBytes) {
            return tooLarge(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> callers.caller(((JwtAuthenticationToken) p).getToken()))
                .flatMap(caller -> authorise(exchange, chain, caller))
                // Security lets no anonymous request this far; refuse rather than pass one on unchecked.
                .switchIfEmpty(Mono.defer(() -> done(
                        problems.unauthorized(exchange, "缺少身份令牌（Authorization: Bearer）"))))
                .then();
    }

    /** Emits a value when the exchange was handled, so the "no principal" branch above is never taken twice. */
    private Mono<Boolean> authorise(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        Optional<Map.Entry<AccessRule, Map<String, String>>> match = match(request.getMethod().name(), path);
        if (match.isEmpty()) {
            return done(problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not Found",
                    "网关未开放该接口：" + request.getMethod().name() + " " + path.value()));
        }
        AccessRule rule = match.get().getKey();
        String pathOrg = match.get().getValue().get("orgId");
        List<String> queryOrgs = queryOrgs(request.getQueryParams());
        Optional<Decision> wrongRole = policy.checkRoles(caller, rule);
        if (wrongRole.isPresent() && wrongRole.get() instanceof Decision.Deny deny) {
            // Refused before the body is even read.
            return done(problems.forbidden(exchange, deny.detail()));
        }
        if (!rule.needsBody()) {
            return decideAndForward(exchange, chain, caller, rule, new OrgRefs(pathOrg, queryOrgs, List.of(), null),
                    null);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                .map(AuthorizationFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    BodyOrgReader.BodyOrgs found;
                    try {
                        found = bodyReader.read(rule.scope(), body);
                    } catch (InvalidBodyException e) {
                        return done(invalid(exchange, e.field(), e.getMessage()));
                    }
                    OrgRefs refs = new OrgRefs(pathOrg, queryOrgs, found.orgs(), found.parentId());
                    return decideAndForward(exchange, chain, caller, rule, refs, body);
                })
                .onErrorResume(DataBufferLimitException.class, e -> done(tooLarge(exchange)));
    }

    private Mono<Boolean> decideAndForward(ServerWebExchange exchange, WebFilterChain chain, Caller caller,
            AccessRule rule, OrgRefs refs, byte[] body) {
        Decision decision = policy.decide(caller, rule, refs);
        if (decision instanceof Decision.Deny deny) {
            return done(problems.forbidden(exchange, deny.detail()));
        }
        if (decision instanceof Decision.Invalid invalid) {
            return done(invalid(exchange, invalid.field(), invalid.reason()));
        }
        ServerHttpRequest withCaller = exchange.getRequest().mutate()
                .headers(h -> {
                    h.set(CallerHeaders.SUBJECT, caller.subject());
                    h.set(CallerHeaders.ROLES, caller.rolesHeader());
                    h.set(CallerHeaders.ORG, caller.orgId());
                    if (body != null) {
                        h.remove(HttpHeaders.TRANSFER_ENCODING);
                        h.setContentLength(body.length);
                    }
                })
                .build();
        ServerHttpRequest forwarded = body == null ? withCaller : new CachedBodyRequest(withCaller, body, exchange);
        return done(chain.filter(exchange.mutate().request(forwarded).build()));
    }

    private Optional<Map.Entry<AccessRule, Map<String, String>>> match(String method, PathContainer path) {
        for (CompiledRule compiled : rules) {
            if (!compiled.rule().method().equals("*") && !compiled.rule().method().equals(method)) {
                continue;
            }
            PathPattern.PathMatchInfo info = compiled.pattern().matchAndExtract(path);
            if (info != null) {
                return Optional.of(Map.entry(compiled.rule(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    private static boolean proxied(String path) {
        for (String prefix : AccessRules.PROXIED_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A path the service could read differently from the gateway (a servlet container normalises
     * {@code /a/b-001/../b-002}, drops {@code ;params}, may decode {@code %2F}) could carry an organisation
     * past the check, so such paths are refused rather than interpreted.
     */
    static boolean ambiguous(String rawPath) {
        if (rawPath == null) {
            return true;
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("//") || lower.contains(";") || lower.contains("\\") || lower.contains("%2e")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")) {
            return true;
        }
        for (String segment : lower.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> queryOrgs(MultiValueMap<String, String> query) {
        List<String> orgs = new ArrayList<>();
        for (String name : List.of("orgId", "committeeOrgId")) {
            List<String> values = query.get(name);
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(orgs::add);
            }
        }
        return orgs;
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                "请求体超过上限 " + maxBodyBytes + " 字节");
    }

    private Mono<Void> invalid(ServerWebExchange exchange, String field, String reason) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Bad Request", reason,
                List.of(new FieldError(field, reason)));
    }

    private static Mono<Boolean> done(Mono<Void> handling) {
        return handling.thenReturn(Boolean.TRUE);
    }

    /** The request with its body replaced by the bytes already read: the service gets exactly what was checked. */
    private static final class CachedBodyRequest extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final ServerWebExchange exchange;

        CachedBodyRequest(ServerHttpRequest delegate, byte[] body, ServerWebExchange exchange) {
            super(delegate);
            this.body = body;
            this.exchange = exchange;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
        }
    }
}
