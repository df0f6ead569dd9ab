package org.dangjian.activity.error;

/** One bad field of a request: {@code field} is a JSON path such as {@code payload.amountFen}. */
public record FieldProblem(String field, String reason) {
}
