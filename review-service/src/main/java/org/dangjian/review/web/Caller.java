package org.dangjian.review.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.CloudEventHeaders;

/**
 * Who is calling, as the gateway says (headers it sets from the verified token). {@code org == null} means an
 * internal call: no scope check.
 */
public record Caller(String subject, Set<String> roles, String org, String requestId) {

    public static Caller of(String subject, String roles, String org, String requestId) {
        Set<String> r = roles == null ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new Caller(blankToNull(subject), r, blankToNull(org), blankToNull(requestId));
    }

    public boolean scoped() {
        return org != null;
    }

    /** Who did it, for histories: the token subject, else the organisation, else "system". */
    public String actor() {
        return subject != null ? subject : org != null ? org : "system";
    }

    /** Headers to pass on to report-service. */
    public Map<String, String> forwardHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put(CallerHeaders.SUBJECT, subject);
        h.put(CallerHeaders.ROLES, roles.isEmpty() ? null : String.join(",", roles));
        h.put(CallerHeaders.ORG, org);
        h.put(CloudEventHeaders.REQUEST_ID_HEADER, requestId);
        return h;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
