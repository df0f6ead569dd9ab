package org.dangjian.review.orgreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dangjian.review.cycle.Dimension;
import org.junit.jupiter.api.Test;

class RatingRuleTest {

    static final List<Dimension> DIMS = List.of(new Dimension("org", "基层组织建设", 40),
            new Dimension("life", "组织生活", 30), new Dimension("dues", "党费收缴", 30));

    static Assessment a(String reviewer, Rating rating, Map<String, Integer> scores) {
        Instant t = Instant.parse("2027-01-20T00:00:00Z");
        return new Assessment(reviewer, rating, scores, null, null, t, t, 1);
    }

    @Test
    void anExplicitCommitteeRatingOverridesTheScores() {
        RatingOutcome o = RatingRule.decide(Rating.POOR,
                List.of(a("r1", Rating.EXCELLENT, Map.of("org", 100, "life", 100, "dues", 100))), DIMS).orElseThrow();
        assertThat(o.rating()).isEqualTo(Rating.POOR);
        assertThat(o.basis()).isEqualTo(RatingOutcome.Basis.COMMITTEE);
        assertThat(o.weightedScore()).isEqualByComparingTo("100");
    }

    @Test
    void weightedScoreAveragesPerDimensionThenWeights() {
        List<Assessment> as = List.of(a("r1", Rating.GOOD, Map.of("org", 88, "life", 80, "dues", 90)),
                a("r2", Rating.EXCELLENT, Map.of("org", 95, "life", 92, "dues", 96)));
        // org 91.5, life 86, dues 93 → (3660 + 2580 + 2790) / 100 = 90.30
        assertThat(RatingRule.weightedScore(as, DIMS)).isEqualByComparingTo("90.30");
        RatingOutcome o = RatingRule.decide(null, as, DIMS).orElseThrow();
        assertThat(o.rating()).isEqualTo(Rating.EXCELLENT);
        assertThat(o.basis()).isEqualTo(RatingOutcome.Basis.WEIGHTED_SCORE);
        assertThat(o.reviewerRatings()).containsEntry(Rating.GOOD, 1).containsEntry(Rating.EXCELLENT, 1);
    }

    @Test
    void unscoredDimensionsDropOutOfTheWeights() {
        // only org (40) and life (30) scored: (70*40 + 60*30) / 70 = 65.71
        List<Assessment> as = List.of(a("r1", Rating.FAIR, Map.of("org", 70, "life", 60)));
        assertThat(RatingRule.weightedScore(as, DIMS)).isEqualByComparingTo("65.71");
        assertThat(RatingRule.decide(null, as, DIMS).orElseThrow().rating()).isEqualTo(Rating.FAIR);
    }

    @Test
    void bandsAreInclusiveAtTheirLowerBound() {
        assertThat(RatingRule.band(new java.math.BigDecimal("90.00"))).isEqualTo(Rating.EXCELLENT);
        assertThat(RatingRule.band(new java.math.BigDecimal("89.99"))).isEqualTo(Rating.GOOD);
        assertThat(RatingRule.band(new java.math.BigDecimal("75"))).isEqualTo(Rating.GOOD);
        assertThat(RatingRule.band(new java.math.BigDecimal("60"))).isEqualTo(Rating.FAIR);
        assertThat(RatingRule.band(new java.math.BigDecimal("59.99"))).isEqualTo(Rating.POOR);
    }

    @Test
    void withoutScoresTheMeanRatingRoundsTiesDown() {
        assertThat(RatingRule.decide(null, List.of(a("r1", Rating.FAIR, Map.of()), a("r2", Rating.POOR, Map.of())),
                DIMS).orElseThrow().rating()).isEqualTo(Rating.POOR);
        assertThat(RatingRule.decide(null, List.of(a("r1", Rating.EXCELLENT, Map.of()),
                a("r2", Rating.GOOD, Map.of()), a("r3", Rating.EXCELLENT, Map.of())), DIMS).orElseThrow().rating())
                .isEqualTo(Rating.EXCELLENT);
        assertThat(RatingRule.decide(null, List.of(a("r1", Rating.EXCELLENT, Map.of()),
                a("r2", Rating.FAIR, Map.of()), a("r3", Rating.FAIR, Map.of())), DIMS).orElseThrow().rating())
                .isEqualTo(Rating.GOOD);
        assertThat(RatingRule.decide(null, List.of(a("r1", Rating.GOOD, Map.of())), DIMS).orElseThrow().basis())
                .isEqualTo(RatingOutcome.Basis.REVIEWER_RATINGS);
    }

    @Test
    void noAssessmentAndNoRatingGivesNoBasis() {
        assertThat(RatingRule.decide(null, List.of(), DIMS)).isEmpty();
    }
}
