package org.dangjian.activity.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dangjian.activity.support.Http;
import org.dangjian.activity.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A move interrupted after the moved organisation was written: the sweep carries it into the subtree. */
class OrgRepairIT extends IntegrationTest {

    @Autowired
    OrgStore store;

    @Test
    void anInterruptedMoveConverges() {
        Http http = http();
        http.put("/api/orgs/or-r1", "{\"name\":\"一\",\"type\":\"COMMITTEE\"}");
        http.put("/api/orgs/or-r2", "{\"name\":\"二\",\"type\":\"COMMITTEE\"}");
        http.put("/api/orgs/or-g", "{\"name\":\"总支\",\"type\":\"GENERAL_BRANCH\",\"parentId\":\"or-r1\"}");
        http.put("/api/orgs/or-b", branch("or-b", "or-g"));

        // What a crash right after the first write of a move leaves behind.
        Org g = store.find("or-g").orElseThrow();
        Org moved = new Org("or-g", g.name(), g.type(), "or-r2", List.of("or-r2"), g.policy(), g.version() + 1,
                Instant.now());
        assertThat(store.update(moved, g.version(), true)).isTrue();

        // The descendant still has its old path until the sweep (every second) redoes the propagation.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(store.find("or-b").orElseThrow().ancestors()).containsExactly("or-r2", "or-g"));
        assertThat(store.subtreePending()).noneMatch(o -> o.orgId().equals("or-g"));
    }
}
