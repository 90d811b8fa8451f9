package org.tongban.cases.rest;

import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.TrustLevelTooLowException;

/**
 * RFC 9457 problem details of the cases API, in the caller's language: a case that is not found (or not the
 * caller's), a refusal with its reason, and form errors field by field under {@code errors}.
 */
@RestControllerAdvice(basePackages = "org.tongban.cases.rest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemAdvice {

    private final MessageSource messages;

    CaseProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", "problem.notFound.detail");
    }

    @ExceptionHandler(CaseRefusedException.class)
    ProblemDetail refused(CaseRefusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid.title", e.messageKey());
    }

    @ExceptionHandler(org.tongban.cases.DutiesSeparatedException.class)
    ProblemDetail separated(org.tongban.cases.DutiesSeparatedException e) {
        return problem(HttpStatus.CONFLICT, "cases.problem.separated.title", e.messageKey());
    }

    /** Names the level the item needs and the caller's, and where to raise it. */
    @ExceptionHandler(TrustLevelTooLowException.class)
    ProblemDetail trustLevel(TrustLevelTooLowException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.getMessage(e.messageKey(),
                new Object[] {e.required(), e.current()}, e.messageKey(), locale));
        problem.setTitle(messages.getMessage("cases.error.trustLevelTitle", null, locale));
        problem.setProperty("requiredTrustLevel", e.required());
        problem.setProperty("trustLevel", e.current());
        problem.setProperty("raiseAt", "/account");
        return problem;
    }

    @ExceptionHandler(CaseFormException.class)
    ProblemDetail form(CaseFormException e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.invalid.title", "cases.error.form");
        var errors = new LinkedHashMap<String, String>();
        var locale = LocaleContextHolder.getLocale();
        e.fieldErrors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detailKey) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, detailKey, locale));
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        return problem;
    }
}
