package org.dangjian.notification.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Bodies over 1 MB are refused with 413 problem+json before anything is read. */
@Component
public class BodyLimitFilter extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"urn:dangjian:problem:payload-too-large\",\"title\":"
                    + "\"Content Too Large\",\"status\":413,\"detail\":\"请求体超过1MB上限\","
                    + "\"errors\":[{\"field\":\"body\",\"reason\":\"不能超过1MB\"}]}");
            return;
        }
        chain.doFilter(request, response);
    }
}
