package org.dangjian.activity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Every error of the service as RFC 9457 problem+json with a stable {@code urn:dangjian:problem:*} type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String URN = "urn:dangjian:problem:";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(toProblem(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(toProblem(ApiException.badRequest(List.of(new FieldProblem(e.getName(), "取值无效：" + e.getValue())))));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), "服务内部错误，请稍后重试");
        p.setType(URI.create(URN + "internal"));
        p.setTitle("Internal error");
        return respond(p);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(toProblem(unreadable(ex))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return asObject(respond(toProblem(ApiException.badRequest(
                List.of(new FieldProblem(ex.getParameterName(), "缺少必填参数"))))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p && p.getType().equals(URI.create("about:blank"))) {
            p.setType(URI.create(URN + slugFor(statusCode.value())));
        }
        return response;
    }

    /** Finds the JSON field a parse failure is about, or a size breach hidden in the cause chain. */
    static ApiException unreadable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException sre) {
                var loc = sre.getLocation();
                String where = loc == null ? "" : "（第 " + loc.getLineNr() + " 行第 " + loc.getColumnNr() + " 列）";
                return ApiException.badRequest(List.of(new FieldProblem("body", "JSON 格式错误" + where)));
            }
            if (t instanceof JacksonException je) {
                String field = JsonPaths.of(je);
                return ApiException.badRequest(List.of(new FieldProblem(field.isEmpty() ? "body" : field, "类型或取值无效")));
            }
        }
        return ApiException.badRequest(List.of(new FieldProblem("body", "请求体缺失或无法读取")));
    }

    static ProblemDetail toProblem(ApiException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.detail());
        p.setType(URI.create(URN + e.slug()));
        p.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            p.setProperty("errors", e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
        }
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> asObject(ResponseEntity<?> r) {
        return (ResponseEntity<Object>) r;
    }

    private static String slugFor(int status) {
        return switch (status) {
            case 400, 422 -> "validation";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            default -> "http-" + status;
        };
    }
}
