package org.dangjian.activity.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ApiDocsIT extends IntegrationTest {

    @Test
    void openApiDescribesTheEndpoints() {
        Http.Response r = http().get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/activities")).isTrue();
        assertThat(r.json().get("paths").has("/api/orgs/{orgId}")).isTrue();
    }

    @Test
    void healthIsUp() {
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
