package org.dangjian.review.orgreview;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dangjian.review.cycle.Dimension;

/**
 * How the final rating of consolidated feedback is decided.
 * <ol>
 * <li>An explicit committee rating wins.</li>
 * <li>Otherwise, when any reviewer scored any dimension: for each dimension take the mean of the reviewers'
 * scores for it; the weighted score is the weight-weighted mean of those dimension means over the dimensions that
 * were scored, rounded half-up to two decimals. Bands: &gt;= 90 EXCELLENT (好), &gt;= 75 GOOD (较好), &gt;= 60 FAIR
 * (一般), below POOR (差).</li>
 * <li>Otherwise the mean of the reviewers' ratings (好=4, 较好=3, 一般=2, 差=1); a mean exactly between two grades
 * goes to the lower one (a committee errs on the strict side).</li>
 * <li>No rating, no assessment: no basis; the committee has to give a rating.</li>
 * </ol>
 */
public final class RatingRule {

    public static final BigDecimal EXCELLENT_FROM = BigDecimal.valueOf(90);
    public static final BigDecimal GOOD_FROM = BigDecimal.valueOf(75);
    public static final BigDecimal FAIR_FROM = BigDecimal.valueOf(60);

    private RatingRule() {
    }

    public static Optional<RatingOutcome> decide(Rating explicit, List<Assessment> assessments,
            List<Dimension> dimensions) {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        for (Assessment a : assessments) {
            counts.merge(a.rating(), 1, Integer::sum);
        }
        BigDecimal score = weightedScore(assessments, dimensions);
        if (explicit != null) {
            return Optional.of(new RatingOutcome(explicit, RatingOutcome.Basis.COMMITTEE, score, counts));
        }
        if (score != null) {
            return Optional.of(new RatingOutcome(band(score), RatingOutcome.Basis.WEIGHTED_SCORE, score, counts));
        }
        if (!assessments.isEmpty()) {
            int sum = assessments.stream().mapToInt(a -> a.rating().points()).sum();
            int n = assessments.size();
            // mean = sum / n; round to nearest, exact ties down: ceil(sum/n - 1/2) == ceil((2*sum - n) / 2n)
            int points = Math.floorDiv(2 * sum - n + 2 * n - 1, 2 * n);
            return Optional.of(new RatingOutcome(Rating.ofPoints(points), RatingOutcome.Basis.REVIEWER_RATINGS, null,
                    counts));
        }
        return Optional.empty();
    }

    /** Null when no reviewer scored any dimension of the cycle. */
    public static BigDecimal weightedScore(List<Assessment> assessments, List<Dimension> dimensions) {
        BigDecimal weighted = BigDecimal.ZERO;
        long weights = 0;
        for (Dimension d : dimensions) {
            long sum = 0;
            int n = 0;
            for (Assessment a : assessments) {
                Integer s = a.scores().get(d.key());
                if (s != null) {
                    sum += s;
                    n++;
                }
            }
            if (n > 0) {
                BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
                weighted = weighted.add(mean.multiply(BigDecimal.valueOf(d.weight())));
                weights += d.weight();
            }
        }
        if (weights == 0) {
            return null;
        }
        return weighted.divide(BigDecimal.valueOf(weights), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
    }

    public static Rating band(BigDecimal score) {
        if (score.compareTo(EXCELLENT_FROM) >= 0) {
            return Rating.EXCELLENT;
        }
        if (score.compareTo(GOOD_FROM) >= 0) {
            return Rating.GOOD;
        }
        if (score.compareTo(FAIR_FROM) >= 0) {
            return Rating.FAIR;
        }
        return Rating.POOR;
    }
}
