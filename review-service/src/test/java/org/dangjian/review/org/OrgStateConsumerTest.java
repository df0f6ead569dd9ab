package org.dangjian.review.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class OrgStateConsumerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheFieldsItNeedsAndIgnoresTheRest() {
        OrgNode n = OrgStateConsumer.read(json, ("{\"orgId\":\"b1\",\"name\":\"第一党支部\",\"type\":\"BRANCH\","
                + "\"parentId\":\"c1\",\"ancestors\":[\"root\",\"c1\"],\"policy\":{\"deadlineDay\":10,\"x\":[1]},"
                + "\"version\":7,\"newField\":true}").getBytes(StandardCharsets.UTF_8));
        assertThat(n).isEqualTo(new OrgNode("b1", "第一党支部", "BRANCH", "c1", java.util.List.of("root", "c1"), 7));
        assertThat(n.isDescendantOf("root")).isTrue();
        assertThat(n.isWithin("b1")).isTrue();
        assertThat(n.isWithin("c2")).isFalse();
    }

    @Test
    void garbageIsIgnored() {
        assertThat(OrgStateConsumer.read(json, "not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(OrgStateConsumer.read(json, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
