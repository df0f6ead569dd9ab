package org.dangjian.gateway.orgtree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgTreeTest {

    @Test
    void coversItselfAndDescendantsOnly() {
        OrgTree tree = new OrgTree();
        tree.put("root", List.of());
        tree.put("c", List.of("root"));
        tree.put("b", List.of("root", "c"));
        assertThat(tree.covers("root", "b")).isTrue();
        assertThat(tree.covers("c", "b")).isTrue();
        assertThat(tree.covers("b", "b")).isTrue();
        assertThat(tree.covers("b", "c")).isFalse();
        assertThat(tree.covers("c", "root")).isFalse();
        assertThat(tree.covers("root", "unknown")).isFalse();
        assertThat(tree.covers("unknown", "unknown")).isTrue();
        assertThat(tree.covers(null, "b")).isFalse();
        assertThat(tree.isRoot("root")).isTrue();
        assertThat(tree.isRoot("unknown")).isFalse();
        assertThat(tree.parentOf("b")).contains("c");
        assertThat(tree.parentOf("root")).isEmpty();

        tree.put("b", List.of("root"));
        assertThat(tree.covers("c", "b")).isFalse();
        tree.remove("b");
        assertThat(tree.knows("b")).isFalse();
    }
}
