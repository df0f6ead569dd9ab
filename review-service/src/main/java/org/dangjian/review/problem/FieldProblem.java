package org.dangjian.review.problem;

/** One bad input field: {@code field} is the JSON path as the client sent it, e.g. {@code problems[0].deadline}. */
public record FieldProblem(String field, String reason) {
}
