package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler whose template also serves an htmx swap (CONVENTIONS 10, ADR 0022): a request from htmx
 * ({@code HX-Request: true}) that is not a history restore gets only {@link #fragment()} of {@link #template()}; any
 * other request gets the whole page. Both answers carry {@code Vary: HX-Request}. The portal's view resolver does the
 * choosing, so the handler's code is the same for both answers, and a page drawn again after a refused form (by the
 * handler or by an exception advice) is cut to the fragment the same way.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HtmxFragment {

    /** The page's template as the handler names it, e.g. {@code cases/inbox}; other views it returns are left whole. */
    String template();

    /** The {@code th:fragment} of that template that htmx swaps. */
    String fragment();
}
