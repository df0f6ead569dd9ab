package org.dangjian.report.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.dangjian.report.report.ReportNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem+json with stable {@code urn:dangjian:problem:*} types. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ReportNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ReportNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage(), null);
    }

    @ExceptionHandler(CallerScope.ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(CallerScope.ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "无权访问", e.getMessage(), null);
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> bad(BadParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "参数无效", e.getMessage(),
                List.of(Map.of("field", e.field(), "reason", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String reason = "无法解析的值：" + e.getValue();
        return problem(HttpStatus.BAD_REQUEST, "validation", "参数无效", "参数 " + e.getName() + " " + reason,
                List.of(Map.of("field", e.getName(), "reason", reason)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail pd && pd.getType().toString().equals("about:blank")) {
            pd.setType(URI.create("urn:dangjian:problem:" + (statusCode.value() == 404 ? "not-found" : "http-"
                    + statusCode.value())));
        }
        return r;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("urn:dangjian:problem:" + slug));
        pd.setTitle(title);
        if (errors != null) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
