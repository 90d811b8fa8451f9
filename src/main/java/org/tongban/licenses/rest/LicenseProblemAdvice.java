package org.tongban.licenses.rest;

import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;

/**
 * The licences API's refusals as RFC 9457 problem details in the caller's language: not found (404), refused on the
 * caller's rights (403), on the licence's state (409) or as unprocessable (422), and data errors by field. Ordered
 * ahead of the platform's catch-all advice.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = LicenseProblemAdvice.class)
class LicenseProblemAdvice {

    private final MessageSource messages;

    LicenseProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LicenseNotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", "licenses.error.notFound");
    }

    @ExceptionHandler(LicenseRefusedException.class)
    ProblemDetail refused(LicenseRefusedException e) {
        var status = switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        var problem = problem(status, "licenses.problem.refused", e.messageKey());
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    @ExceptionHandler(InvalidLicenseException.class)
    ProblemDetail invalid(InvalidLicenseException e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid.title", "problem.invalid.detail");
        var locale = LocaleContextHolder.getLocale();
        var errors = new LinkedHashMap<String, String>();
        e.fieldErrors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader() {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "licenses.error.idempotencyKey");
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detailKey) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, detailKey, locale));
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        return problem;
    }
}
