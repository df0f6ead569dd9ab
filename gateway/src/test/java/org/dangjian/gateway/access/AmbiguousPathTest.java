package org.dangjian.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmbiguousPathTest {

    @Test
    void plainPathsPassAndAmbiguousOnesDoNot() {
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001/2026/draft")).isFalse();
        assertThat(AuthorizationFilter.ambiguous("/api/orgs/%E5%85%9A%E6%94%AF%E9%83%A8")).isFalse();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001/../b-002/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001/./2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001%2F..%2Fb-002/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/%2E%2E/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001;a=b/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports//b-001/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b-001%252F/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous("/api/reports/b\\\\001/2026")).isTrue();
        assertThat(AuthorizationFilter.ambiguous(null)).isTrue();
    }
}
