package com.sladesk.system.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import com.sladesk.system.Problems;
import com.sladesk.system.RetryLater;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that no controller answered (unknown paths, filter failures): problem+json for the API
 * and for clients that ask for JSON, a plain page for people.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        Optional<RetryLater> retry = status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? RetryLater.of(failure) : Optional.empty();
        if (retry.isPresent()) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.setHeader("Retry-After", String.valueOf(retry.get().seconds()));
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri == null ? request.getRequestURI() : String.valueOf(errorUri);
        String accept = request.getHeader("Accept");
        boolean api = uri.startsWith("/api/") || uri.equals("/api")
                || (accept != null && (accept.contains("json")) && !accept.contains("text/html"));
        String detail = switch (status) {
            case NOT_FOUND -> "No resource at " + uri;
            case FORBIDDEN -> "Your role does not allow this";
            case UNAUTHORIZED -> "Sign in first";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + uri;
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case SERVICE_UNAVAILABLE -> "The service is briefly unavailable; nothing was changed. Retry in a few seconds.";
            default -> status.is5xxServerError() ? "The request could not be completed; it has been logged."
                    : status.getReasonPhrase();
        };
        if (api) {
            ProblemDetail problem = retry.isPresent() ? retry.get().problem()
                    : Problems.of(status, status.is5xxServerError() ? "internal" : "http-" + status.value(), detail);
            problem.setInstance(URI.create(uri.startsWith("/") ? uri : "/"));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(),
                "reason", status.getReasonPhrase(), "detail", detail));
        page.setStatus(status);
        return page;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // /error asked for directly, not an error being shown: there is no such page
            return HttpStatus.NOT_FOUND;
        }
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
