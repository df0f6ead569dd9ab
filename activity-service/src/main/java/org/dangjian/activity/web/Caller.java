package org.dangjian.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.CloudEventHeaders;

/** Who calls, as the gateway says (absent = internal call, no scope check), and the request's correlation id. */
public record Caller(String orgId, String subject, String requestId) {

    public static Caller of(HttpServletRequest request) {
        return new Caller(blankToNull(request.getHeader(CallerHeaders.ORG)),
                blankToNull(request.getHeader(CallerHeaders.SUBJECT)),
                blankToNull(request.getHeader(CloudEventHeaders.REQUEST_ID_HEADER)));
    }

    public boolean scoped() {
        return orgId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
