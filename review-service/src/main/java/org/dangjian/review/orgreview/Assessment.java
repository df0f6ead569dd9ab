package org.dangjian.review.orgreview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One reviewer's assessment of one organisation in one cycle; amended in place until feedback is issued. */
public record Assessment(String reviewerId, Rating rating, Map<String, Integer> scores, String comments,
        List<String> problems, Instant createdAt, Instant updatedAt, int revision) {

    public Assessment {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether {@code in} would change nothing (an idempotent repeat of the same PUT). */
    public boolean sameContent(AssessmentInput in) {
        return rating == in.rating() && scores.equals(in.scores() == null ? Map.of() : in.scores())
                && java.util.Objects.equals(comments, in.comments())
                && problems.equals(in.problems() == null ? List.of() : in.problems());
    }
}
