package org.dangjian.activity.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RosterIT extends IntegrationTest {

    private static String member(String eventId, String orgId, String type, String occurredAt, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"orgId\":\"" + orgId + "\",\"type\":\"" + type + "\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"payload\":" + payload + "}";
    }

    @Test
    void lifecycleEventsKeepTheRosterAndIllegalStepsAre422() {
        Http http = http();
        http.put("/api/orgs/ro-b1", branch("ro-b1", null));
        http.put("/api/orgs/ro-b2", branch("ro-b2", null));
        assertThat(http.post("/api/activities", member("ro-1", "ro-b1", "APPLICATION_RECEIVED",
                "2023-03-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\",\"name\":\"赵六\",\"birthDate\":\"1998-02-03\"}"))
                .status()).isEqualTo(202);
        assertThat(http.post("/api/activities", member("ro-2", "ro-b1", "ACTIVIST_DESIGNATED",
                "2023-09-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}")).status()).isEqualTo(202);

        // An activist cannot be admitted without becoming a development target first.
        Http.Response skip = http.post("/api/activities", member("ro-3", "ro-b1", "MEMBER_ADMITTED",
                "2024-12-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}"));
        assertThat(skip.status()).isEqualTo(422);
        assertThat(skip.contentType()).startsWith("application/problem+json");
        assertThat(skip.json().get("type").asString()).isEqualTo("urn:dangjian:problem:illegal-transition");
        assertThat(skip.json().get("detail").asString()).contains("发展对象");
        assertThat(http.get("/api/activities/ro-3").status()).isEqualTo(404);

        assertThat(http.post("/api/activities", member("ro-4", "ro-b1", "DEVELOPMENT_TARGET_DESIGNATED",
                "2024-09-02T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}")).status()).isEqualTo(202);
        assertThat(http.post("/api/activities", member("ro-5", "ro-b1", "MEMBER_ADMITTED",
                "2024-12-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}")).status()).isEqualTo(202);
        // Retrying an applied step is a duplicate, not an illegal transition.
        Http.Response retry = http.post("/api/activities", member("ro-5", "ro-b1", "MEMBER_ADMITTED",
                "2024-12-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}"));
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isEqualTo("DUPLICATE");

        Http.Response early = http.post("/api/activities", member("ro-6", "ro-b1", "MEMBER_CONFIRMED",
                "2025-11-30T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail").asString()).contains("预备期未满");

        // Dues in another organisation are refused; in its own they are accepted.
        Http.Response wrongOrg = http.post("/api/activities", member("ro-7", "ro-b2", "DUES_PAID",
                "2025-01-05T10:00:00+08:00", "{\"memberId\":\"ro-m1\",\"period\":\"2025-01\",\"amountFen\":1500}"));
        assertThat(wrongOrg.status()).isEqualTo(422);
        assertThat(wrongOrg.json().get("type").asString()).isEqualTo("urn:dangjian:problem:illegal-transition");
        assertThat(http.post("/api/activities", member("ro-8", "ro-b1", "DUES_PAID",
                "2025-01-05T10:00:00+08:00", "{\"memberId\":\"ro-m1\",\"period\":\"2025-01\",\"months\":3,"
                        + "\"amountFen\":4500}")).status()).isEqualTo(202);

        assertThat(http.post("/api/activities", member("ro-9", "ro-b1", "MEMBER_CONFIRMED",
                "2025-12-01T10:00:00+08:00", "{\"memberId\":\"ro-m1\"}")).status()).isEqualTo(202);
        JsonNode m = http.get("/api/members/ro-m1").json();
        assertThat(m.get("stage").asString()).isEqualTo("FULL");
        assertThat(m.get("orgId").asString()).isEqualTo("ro-b1");

        // Transfer out of ro-b1 and into ro-b2.
        assertThat(http.post("/api/activities", member("ro-10", "ro-b1", "MEMBER_TRANSFERRED_OUT",
                "2026-01-10T10:00:00+08:00", "{\"memberId\":\"ro-m1\",\"fromOrgId\":\"ro-b1\",\"toOrgId\":\"ro-b2\"}"))
                .status()).isEqualTo(202);
        assertThat(http.get("/api/orgs/ro-b1/members").json().size()).isZero();
        assertThat(http.post("/api/activities", member("ro-11", "ro-b2", "MEMBER_TRANSFERRED_IN",
                "2026-01-12T10:00:00+08:00", "{\"memberId\":\"ro-m1\",\"fromOrgId\":\"ro-b1\",\"toOrgId\":\"ro-b2\"}"))
                .status()).isEqualTo(202);
        JsonNode roster = http.get("/api/orgs/ro-b2/members").json();
        assertThat(roster.size()).isEqualTo(1);
        assertThat(roster.get(0).get("memberId").asString()).isEqualTo("ro-m1");
        assertThat(roster.get(0).get("stage").asString()).isEqualTo("FULL");
    }

    @Test
    void aMemberOutsideTheCallersSubtreeIsForbidden() {
        Http http = http();
        http.put("/api/orgs/rs-root", "{\"name\":\"党委\",\"type\":\"COMMITTEE\"}");
        http.put("/api/orgs/rs-b1", branch("rs-b1", "rs-root"));
        http.put("/api/orgs/rs-b2", branch("rs-b2", "rs-root"));
        assertThat(http.post("/api/activities", member("rs-1", "rs-b1", "MEMBER_REGISTERED",
                "2026-01-05T10:00:00+08:00", "{\"memberId\":\"rs-m1\",\"name\":\"钱七\",\"stage\":\"FULL\","
                        + "\"since\":\"2010-07-01\"}")).status()).isEqualTo(202);
        assertThat(http.get("/api/members/rs-m1", Map.of("X-Dangjian-Org", "rs-root")).status()).isEqualTo(200);
        Http.Response forbidden = http.get("/api/members/rs-m1", Map.of("X-Dangjian-Org", "rs-b2"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("type").asString()).isEqualTo("urn:dangjian:problem:forbidden");
        assertThat(http.post("/api/activities", member("rs-2", "rs-b1", "CARE_VISIT", "2026-01-06T10:00:00+08:00",
                "{\"persons\":2}"), Map.of("X-Dangjian-Org", "rs-b2")).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/rs-2").status()).isEqualTo(404);
    }
}
