package com.sladesk.system.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sladesk.system.ConflictException;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.ForbiddenException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.Problems.FieldError;
import com.sladesk.system.Problems;
import com.sladesk.system.RetryLater;
import com.sladesk.system.RuleViolationException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of a REST controller as RFC 9457 problem+json: validation failures name the field
 * and the rule, state conflicts are 409, broken SLA rules 422, and nothing leaks a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), ruleOf(f.getCode()), f.getDefaultMessage()))
                .toList();
        List<FieldError> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), ruleOf(g.getCode()), g.getDefaultMessage()))
                .toList();
        List<FieldError> all = new ArrayList<>(errors);
        all.addAll(global);
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(all), all));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), ruleOf(lastCode(err.getCodes())),
                        err.getDefaultMessage())))
                .toList();
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(errors), errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()),
                        ruleOf(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                        v.getMessage()))
                .toList();
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(errors), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        FieldError error;
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            error = new FieldError(path(u), "unknown", "is not a field of this request");
        }
        else if (e.getCause() instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? " (one of " + Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "";
            error = new FieldError(path(f), "format", "'" + f.getValue() + "' is not a valid "
                    + simpleType(f.getTargetType()) + allowed);
        }
        else if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            error = new FieldError(path(m), "type", "must be a " + simpleType(m.getTargetType()));
        }
        else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            error = new FieldError(path(m), "format", "could not be read");
        }
        else {
            error = new FieldError("body", "json", "the request body is missing or is not valid JSON");
        }
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(List.of(error)), List.of(error)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String allowed = type != null && type.isEnum()
                ? " (one of " + Arrays.toString(type.getEnumConstants()) + ")" : "";
        FieldError error = new FieldError(e.getName(), "format",
                "'" + e.getValue() + "' is not a valid " + simpleType(type) + allowed);
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(List.of(error)), List.of(error)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        FieldError error = new FieldError("Content-Type", "media-type", "must be application/json, not "
                + (e.getContentType() == null ? "missing" : e.getContentType().toString()));
        ProblemDetail problem = Problems.invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, describe(List.of(error)), List.of(error));
        problem.setType(URI.create(Problems.TYPE_BASE + "http-415"));
        problem.setTitle("Unsupported Media Type");
        return problem(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        FieldError error = new FieldError(e.getParameterName(), "required", "must be given");
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(List.of(error)), List.of(error)));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        FieldError error = new FieldError(e.field(), e.rule(), e.getMessage());
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, describe(List.of(error)), List.of(error)));
    }

    @ExceptionHandler(DuplicateException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateException e) {
        FieldError error = new FieldError(e.field(), e.rule(), e.getMessage());
        ProblemDetail problem = Problems.invalid(HttpStatus.CONFLICT, describe(List.of(error)), List.of(error));
        problem.setType(URI.create(Problems.TYPE_BASE + "duplicate"));
        problem.setTitle("Already exists");
        return problem(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        ProblemDetail problem = Problems.invalid(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new FieldError(e.field(), e.rule(), e.getMessage())));
        problem.setType(URI.create(Problems.TYPE_BASE + "sla-rule"));
        problem.setTitle("Refused by an SLA rule");
        return problem(problem);
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void security(RuntimeException e) {
        // Spring Security's own handlers answer these with 401/403 problems.
        throw e;
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientWentAway(Exception e) {
        // the client closed the connection before the answer was written: nobody to answer
        log.debug("Client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Spring MVC's own exceptions (405, 406, 415, 404 …) already carry their status.
            ProblemDetail body = framework.getBody();
            body.setType(URI.create(Problems.TYPE_BASE + "http-" + body.getStatus()));
            return problem(body);
        }
        Optional<RetryLater> retry = RetryLater.of(e);
        if (retry.isPresent()) {
            log.warn("Answered 503, {}: {}", retry.get().reason(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(retry.get().seconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(retry.get().problem());
        }
        log.error("Unexpected error answering an API request", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The request could not be completed; it has been logged."));
    }

    static ResponseEntity<ProblemDetail> problem(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "ISO-8601 date-time";
            case "LocalDate" -> "ISO-8601 date (YYYY-MM-DD)";
            case "YearMonth" -> "month (YYYY-MM)";
            case "Long", "long", "Integer", "int" -> "whole number";
            case "BigDecimal", "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "List", "Set", "Collection" -> "list";
            default -> type.getSimpleName().equals("String") ? "string" : "value";
        };
    }

    private static String ruleOf(String code) {
        if (code == null) {
            return "invalid";
        }
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Email" -> "email";
            case "Pattern" -> "pattern";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "range";
            case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> "time";
            default -> Character.toLowerCase(code.charAt(0)) + code.substring(1);
        };
    }

    private static String lastCode(String[] codes) {
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
