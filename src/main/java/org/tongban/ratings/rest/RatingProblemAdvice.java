package org.tongban.ratings.rest;

import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongban.ratings.InvalidRatingException;
import org.tongban.ratings.RatingNotFoundException;
import org.tongban.ratings.RatingRefusedException;

/**
 * The ratings API's refusals as RFC 9457 problem details in the caller's language. Ordered ahead of the platform's
 * catch-all advice explicitly: both would otherwise have the lowest precedence, and which one wins would depend on
 * the order in which the beans were found.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = RatingProblemAdvice.class)
class RatingProblemAdvice {

    private final MessageSource messages;

    RatingProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidRatingException.class)
    ProblemDetail invalid(InvalidRatingException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("problem.invalid.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        var errors = new LinkedHashMap<String, String>();
        e.fieldErrors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(RatingRefusedException.class)
    ProblemDetail refused(RatingRefusedException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(
                e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setTitle(messages.getMessage("ratings.problem.refused", null, locale));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    @ExceptionHandler(RatingNotFoundException.class)
    ProblemDetail notFound() {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("ratings.error.notFound", null, locale));
        problem.setTitle(messages.getMessage("problem.notFound.title", null, locale));
        return problem;
    }
}
