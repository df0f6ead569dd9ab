package org.dangjian.notification.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error answered as problem+json with a stable {@code urn:dangjian:problem:<slug>} type. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not Found", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(HttpStatus.CONFLICT, slug, "Conflict", detail, null);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Bad Request",
                "请求参数有误：" + String.join("，", errors.stream().map(e -> e.field() + " " + e.reason()).toList()),
                errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One bad field: {@code {"field": "emails[1]", "reason": "..."}}. */
    public record FieldError(String field, String reason) {
    }
}
