package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's POST handler of an action that cannot be undone: the first post, without {@code confirm=yes}, is
 * answered with a confirmation page instead of acting; the page posts the same fields again with
 * {@code confirm=yes}, or goes {@link #back()}. It needs no script, so it works the same with and without one, for
 * keyboards and screen readers too (ADR 0027). The JSON API does not ask: its callers confirm in their own UI.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConfirmFirst {

    /** The message key of the question, the page's heading: {@code staff.confirm.withdraw}. */
    String value();

    /** The message key of what will happen, below the question; none when empty. */
    String detail() default "";

    /** The message key of the confirming button. */
    String button();

    /** Where "cancel" goes, a URI template over the handler's path variables: {@code /{channel}/cases/{number}}. */
    String back();

    /**
     * Ask only when one of these request parameters has its value, as {@code name=value} (a handler that also does
     * something reversible: {@code action=revoke} but not {@code action=suspend}); always when empty.
     */
    String[] when() default {};
}
