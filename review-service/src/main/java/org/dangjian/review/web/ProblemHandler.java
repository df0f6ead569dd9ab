package org.dangjian.review.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dangjian.review.orgreview.Rating;
import org.dangjian.review.problem.FieldProblem;
import org.dangjian.review.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error as RFC 9457 problem+json with a stable {@code urn:dangjian:problem:*} type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> refused(ProblemException e) {
        return problem(HttpStatus.valueOf(e.kind().status()), e.type(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        return validation(new FieldProblem(e.getName(), "取值 " + e.getValue() + " 不合法" + expected(e.getRequiredType())));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemException.PREFIX + "internal", "Internal error",
                "服务内部错误，请稍后重试", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemException.PREFIX + "payload-too-large",
                    "Payload too large", tooLarge.getMessage(), List.of());
        }
        JacksonException je = findJackson(ex);
        if (je == null) {
            return validation(new FieldProblem("body", "请求体缺失或不是合法的 JSON"));
        }
        String field = path(je.getPath());
        if (je instanceof InvalidFormatException ife) {
            return validation(new FieldProblem(field, "取值 " + ife.getValue() + " 不合法" + expected(ife.getTargetType())));
        }
        if (je instanceof UnrecognizedPropertyException upe) {
            return validation(new FieldProblem(field, "未知字段 " + upe.getPropertyName()));
        }
        if (je instanceof MismatchedInputException mie) {
            return validation(new FieldProblem(field.isEmpty() ? "body" : field,
                    "类型不正确" + expected(mie.getTargetType())));
        }
        if (je instanceof StreamReadException) {
            String where = je.getLocation() == null ? ""
                    : "（第" + je.getLocation().getLineNr() + "行第" + je.getLocation().getColumnNr() + "列）";
            return validation(new FieldProblem(field.isEmpty() ? "body" : field, "JSON 格式错误" + where));
        }
        return validation(new FieldProblem(field.isEmpty() ? "body" : field, "取值不合法" + expected(null)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(new FieldProblem(ex.getParameterName(), "缺少必填参数"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return validation(new FieldProblem(ex.getPropertyName() == null ? "parameter" : ex.getPropertyName(),
                "取值 " + ex.getValue() + " 不合法" + expected(ex.getRequiredType())));
    }

    /** Spring's own problems (405, 415, 404 …) get a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd
                && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(URI.create(ProblemException.PREFIX + slug(statusCode.value())));
            HttpHeaders h = new HttpHeaders();
            h.putAll(response.getHeaders());
            h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(pd, h, response.getStatusCode());
        }
        return response;
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static JacksonException findJackson(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JacksonException je) {
                return je;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == Rating.class) {
            return "，应为 EXCELLENT（好）、GOOD（较好）、FAIR（一般）或 POOR（差）";
        }
        if (type.isEnum()) {
            return "，应为 " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining("、")) + " 之一";
        }
        if (type == java.time.LocalDate.class) {
            return "，应为日期 YYYY-MM-DD";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "，应为整数";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "，应为 true 或 false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "，应为数组";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "，应为对象";
        }
        if (type == String.class) {
            return "，应为字符串";
        }
        return "，应为 " + type.getSimpleName();
    }

    private static ResponseEntity<Object> validation(FieldProblem p) {
        ProblemException e = ProblemException.validation(List.of(p));
        return problem(HttpStatus.BAD_REQUEST, e.type(), e.title(), e.getMessage(), e.errors());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(type));
        pd.setTitle(title);
        if (!errors.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            errors.forEach(f -> list.add(Map.of("field", f.field(), "reason", f.reason())));
            pd.setProperty("errors", list);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
