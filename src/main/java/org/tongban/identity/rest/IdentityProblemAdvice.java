package org.tongban.identity.rest;

import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.PersonReadRefusedException;

/** The identity API's errors as RFC 9457 problem details, titled and explained in the caller's language. */
@RestControllerAdvice(basePackageClasses = IdentityProblemAdvice.class)
class IdentityProblemAdvice {

    private final MessageSource messages;

    IdentityProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("problem.invalid.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        var errors = new LinkedHashMap<String, String>();
        e.fieldErrors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail notFound() {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.notFound.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.notFound.title", null, locale));
        return problem;
    }

    @ExceptionHandler(PersonReadRefusedException.class)
    ProblemDetail noNeedToKnow() {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage("identity.person.noCase", null, locale));
        problem.setTitle(messages.getMessage("problem.forbidden.title", null, locale));
        return problem;
    }
}
