package org.dangjian.review.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dangjian.review.org.OrgNode;
import org.dangjian.review.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CycleRulesTest {

    static OpenCycleRequest request(List<String> orgIds) {
        return new OpenCycleRequest("c1", 2026, orgIds, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 31),
                List.of(new Dimension("org", "基层组织建设", 100)));
    }

    static final Map<String, OrgNode> TREE = Map.of(
            "c1", new OrgNode("c1", "机关党委", "COMMITTEE", "root", List.of("root"), 1),
            "b1", new OrgNode("b1", "第一党支部", "BRANCH", "c1", List.of("root", "c1"), 1),
            "g1", new OrgNode("g1", "第一党小组", "BRANCH", "b1", List.of("root", "c1", "b1"), 1),
            "x1", new OrgNode("x1", "教育党委第一支部", "BRANCH", "c2", List.of("root", "c2"), 1));

    @Test
    void descendantsAtAnyDepthAreInTheSubtree() {
        CycleRules.checkSubtree(request(List.of("b1", "g1")), TREE);
    }

    @Test
    void anOrganisationOutsideTheSubtreeIsNamed() {
        assertThatThrownBy(() -> CycleRules.checkSubtree(request(List.of("b1", "x1")), TREE))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.slug()).isEqualTo("org-outside-subtree");
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.UNPROCESSABLE);
                    assertThat(e.getMessage()).contains("教育党委第一支部", "x1", "机关党委");
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("orgIds[1]");
                });
    }

    @Test
    void unknownOrganisationsAndCommitteesAre422() {
        assertThatThrownBy(() -> CycleRules.checkSubtree(request(List.of("zz")), TREE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.slug()).isEqualTo("unknown-org"));
        assertThatThrownBy(() -> CycleRules.checkSubtree(new OpenCycleRequest("nope", 2026, List.of("b1"),
                LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 31), List.of()), TREE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("nope"));
    }

    @Test
    void shapeProblemsAreNamed() {
        OpenCycleRequest bad = new OpenCycleRequest("c1", 1900, List.of("b1", "b1", "c1"), LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 1, 31), List.of(new Dimension("a", "甲", 0), new Dimension("a", "", 10)));
        assertThatThrownBy(() -> CycleRules.validate(bad)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactlyInAnyOrder("year", "orgIds[1]",
                        "orgIds[2]", "reviewDeadline", "dimensions[0].weight", "dimensions[1].key",
                        "dimensions[1].name"));
    }

    @Test
    void openKeepsTheRequest() {
        Cycle c = CycleRules.open("cyc-1", request(List.of("b1")), Instant.EPOCH, "u");
        assertThat(c.includes("b1")).isTrue();
        assertThat(c.dimension("org")).isPresent();
    }
}
