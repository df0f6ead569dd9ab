package org.dangjian.activity.error;

import java.util.List;

/**
 * A refusal the API reports as problem+json. Plain Java so domain rules can throw it; the web adapter turns
 * it into RFC 9457 with {@code type = urn:dangjian:problem:<slug>}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiException(int status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Malformed or incomplete input (400). */
    public static ApiException badRequest(List<FieldProblem> errors) {
        return new ApiException(400, "validation", "Invalid request", summary(errors), errors);
    }

    /** Well-formed input that names something unknown or impossible (422). */
    public static ApiException unprocessable(List<FieldProblem> errors) {
        return new ApiException(422, "validation", "Invalid request", summary(errors), errors);
    }

    public static ApiException unprocessable(String field, String reason) {
        return unprocessable(List.of(new FieldProblem(field, reason)));
    }

    /** A lifecycle rule refuses the step (422). */
    public static ApiException illegalTransition(String field, String detail) {
        return new ApiException(422, "illegal-transition", "Illegal transition", detail,
                List.of(new FieldProblem(field, detail)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiException tooLarge(String field, String detail) {
        return new ApiException(413, "payload-too-large", "Payload too large", detail,
                List.of(new FieldProblem(field, detail)));
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "请求无效";
        }
        FieldProblem first = errors.get(0);
        String more = errors.size() > 1 ? "（另有 " + (errors.size() - 1) + " 处错误）" : "";
        return "字段 " + first.field() + "：" + first.reason() + more;
    }
}
