package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's handler method: when it throws {@link InvalidInput} (or a {@link Refusal} other than not found that no
 * {@link RedirectOnError} takes), the page advice draws the form again by calling {@link #value()}, a method of the
 * same controller, instead of the handler catching the exception itself.
 *
 * <p>That method may take what a handler method takes (path variables, request parameters, the caller, a
 * {@code Model}, the locale) and, if it wants them, the exception; it keeps the input by reading the request
 * parameters again. Before it runs, the model holds {@code errors} (field to message key, on invalid input) or
 * {@code error} (the refusal's message key, or {@link #message()} on invalid input), and the answer's status is
 * {@link #status()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FormPage {

    /** The name of the controller method that draws the page again (one method of that name). */
    String value();

    /** The status of the page drawn again: 422 for a form that was refused, unless the page has always said 200. */
    int status() default 422;

    /** The message above the form on invalid input; none when empty. */
    String message() default "";
}
