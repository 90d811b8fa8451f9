package org.tongban.platform.web;

import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.shared.InvalidInput;
import org.tongban.shared.Refusal;

/**
 * RFC 9457 problem details for every JSON controller, the one place where an API error becomes an answer. A
 * {@link Refusal} answers the status its kind decides, titled and explained from the message bundle in the caller's
 * language, with its problem properties; {@link InvalidInput} answers 422 with the message of each field under
 * {@code errors}. Malformed JSON, wrong types and missing parameters are the caller's 4xx (Spring's own mapping), and
 * an unexpected failure is a generic 500 whose cause stays in the log (with the request's trace), never in the
 * answer: no answer carries an exception's message. Pages are left to the page advice and the error page, so that a
 * browser never receives JSON.
 */
@RestControllerAdvice(annotations = RestController.class)
// Ahead of the page advice, which would otherwise also match a @RestController (it is a @Controller too).
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        var problem = problem(HttpStatus.valueOf(e.status()), e.titleKey(), e.messageKey(), e.messageArgs());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid.title", e.detailKey());
        var locale = LocaleContextHolder.getLocale();
        var errors = new LinkedHashMap<String, String>();
        e.fieldErrors()
                .forEach((field, key) -> errors.put(field, messages.getMessage(key, e.fieldArgs(field), key, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A body that is not the multipart form the operation reads is the caller's mistake. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart() {
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail("The request is not a well-formed multipart/form-data body.");
        return problem;
    }

    /** A required header that is missing: the caller's 400, said in their language (the idempotency key above all). */
    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!(e instanceof MissingRequestHeaderException missing)) {
            return super.handleServletRequestBindingException(e, headers, status, request);
        }
        var problem = missing.getHeaderName().equalsIgnoreCase("Idempotency-Key")
                ? problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.idempotencyKey.detail")
                : problem(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid.title",
                        "problem.missingHeader.detail",
                        missing.getHeaderName());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        // Refusals belong to Spring Security, which answers 401 or 403; rethrown, they reach its filter.
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Unexpected failure in an API call", e);
        var problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setDetail("The request could not be completed.");
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detailKey, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, args, detailKey, locale));
        problem.setTitle(messages.getMessage(titleKey, null, titleKey, locale));
        return problem;
    }
}
