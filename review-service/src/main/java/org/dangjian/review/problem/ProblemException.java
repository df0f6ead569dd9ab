package org.dangjian.review.problem;

import java.util.List;

/**
 * A refusal the domain raises; the web layer renders it as RFC 9457 problem+json. Plain Java on purpose so the
 * domain rules can refuse without knowing about HTTP.
 */
public class ProblemException extends RuntimeException {

    /** What kind of refusal, and the HTTP status it maps to. */
    public enum Kind {
        BAD_REQUEST(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), PAYLOAD_TOO_LARGE(413), UNPROCESSABLE(422),
        BAD_GATEWAY(502);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public static final String PREFIX = "urn:dangjian:problem:";

    private final Kind kind;
    private final String slug;
    private final String title;
    private final transient List<FieldProblem> errors;

    public ProblemException(Kind kind, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException validation(List<FieldProblem> errors) {
        String detail = errors.size() == 1 ? "字段 " + errors.get(0).field() + " 不合法：" + errors.get(0).reason()
                : "请求中有 " + errors.size() + " 个字段不合法";
        return new ProblemException(Kind.BAD_REQUEST, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException validation(String field, String reason) {
        return validation(List.of(new FieldProblem(field, reason)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Kind.NOT_FOUND, "not-found", "Not found", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Kind.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Kind.CONFLICT, slug, title, detail, null);
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Kind.UNPROCESSABLE, slug, title, detail, null);
    }

    public static ProblemException unprocessable(String slug, String title, String detail, List<FieldProblem> errors) {
        return new ProblemException(Kind.UNPROCESSABLE, slug, title, detail, errors);
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return PREFIX + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
