package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's handler method: when it throws a {@link Refusal} of one of {@link #kinds()} (or, with
 * {@link #invalidInput()}, {@link InvalidInput}), the page advice redirects to {@link #value()} with the message as
 * a flash attribute, instead of the handler catching the exception itself. The first annotation that matches wins,
 * in the order written.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(RedirectOnError.List.class)
public @interface RedirectOnError {

    /** Where to, a URI template over the handler's path variables: {@code /office/cases/{number}}. */
    String value();

    /** The refusals it takes; by default every one but not found, which is the 404 page. */
    Refusal.Kind[] kinds() default {Refusal.Kind.FORBIDDEN, Refusal.Kind.CONFLICT, Refusal.Kind.UNPROCESSABLE};

    /** Whether it takes invalid input too (its message: {@link #message()}, or the first field's). */
    boolean invalidInput() default false;

    /** The message key to show; by default the refusal's own. */
    String message() default "";

    /** The flash attribute that carries the message key. */
    String attribute() default "error";

    /** Request parameters handed back to the page as flash attributes of the same name, so the input is kept. */
    String[] keep() default {};

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface List {
        RedirectOnError[] value();
    }
}
