package org.dangjian.review.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangjian.review.rectification.RectificationStatus.IN_PROGRESS;
import static org.dangjian.review.rectification.RectificationStatus.OPEN;
import static org.dangjian.review.rectification.RectificationStatus.REJECTED;
import static org.dangjian.review.rectification.RectificationStatus.SUBMITTED;
import static org.dangjian.review.rectification.RectificationStatus.VERIFIED;
import static org.dangjian.review.rectification.RectificationStatus.WITHDRAWN;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.dangjian.review.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RectificationLifecycleTest {

    @Test
    void theLegalMovesAndOnlyThose() {
        Set<String> legal = Set.of("OPEN>IN_PROGRESS", "IN_PROGRESS>IN_PROGRESS", "IN_PROGRESS>SUBMITTED",
                "SUBMITTED>VERIFIED", "SUBMITTED>REJECTED", "REJECTED>IN_PROGRESS", "REJECTED>SUBMITTED");
        for (RectificationStatus from : RectificationStatus.values()) {
            for (RectificationStatus to : RectificationStatus.values()) {
                assertThat(RectificationLifecycle.isLegal(from, to)).as(from + ">" + to)
                        .isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }

    @Test
    void illegalMovesAre422() {
        assertThatThrownBy(() -> RectificationLifecycle.check(OPEN, VERIFIED, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.UNPROCESSABLE);
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                    assertThat(e.getMessage()).contains("待整改", "已验收销号");
                });
        for (RectificationStatus to : EnumSet.allOf(RectificationStatus.class)) {
            assertThatThrownBy(() -> RectificationLifecycle.check(VERIFIED, to, "x"))
                    .isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> RectificationLifecycle.check(WITHDRAWN, to, "x"))
                    .isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void submittingNeedsEvidence() {
        assertThatThrownBy(() -> RectificationLifecycle.check(IN_PROGRESS, SUBMITTED, " "))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.BAD_REQUEST);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("evidence");
                });
        RectificationLifecycle.check(IN_PROGRESS, SUBMITTED, "台账");
        RectificationLifecycle.check(REJECTED, SUBMITTED, "补充材料");
    }

    @Test
    void theCommitteeVerifiesAndRejectsTheOrganisationWorks() {
        assertThat(RectificationLifecycle.sideOf(VERIFIED)).isEqualTo(RectificationLifecycle.Side.COMMITTEE);
        assertThat(RectificationLifecycle.sideOf(REJECTED)).isEqualTo(RectificationLifecycle.Side.COMMITTEE);
        assertThat(RectificationLifecycle.sideOf(IN_PROGRESS)).isEqualTo(RectificationLifecycle.Side.ORGANISATION);
        assertThat(RectificationLifecycle.sideOf(SUBMITTED)).isEqualTo(RectificationLifecycle.Side.ORGANISATION);
    }

    @Test
    void overdueOnlyWhileTheOrganisationOwesItAndAfterTheDeadlineDay() {
        Rectification r = Rectification.open("rect-1", "问题", "措施", LocalDate.of(2027, 2, 28), 1,
                Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(r.isOverdue(LocalDate.of(2027, 2, 28))).isFalse();
        assertThat(r.isOverdue(LocalDate.of(2027, 3, 1))).isTrue();
        Rectification submitted = r.moved(IN_PROGRESS, Instant.now(), "b1", null, null)
                .moved(SUBMITTED, Instant.now(), "b1", "台账", null);
        assertThat(submitted.isOverdue(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(submitted.evidence()).isEqualTo("台账");
        assertThat(submitted.history()).hasSize(2);
        Rectification rejected = submitted.moved(REJECTED, Instant.now(), "c", null, "不全");
        assertThat(rejected.isOverdue(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(rejected.evidence()).as("evidence kept when the committee comments").isEqualTo("台账");
    }
}
