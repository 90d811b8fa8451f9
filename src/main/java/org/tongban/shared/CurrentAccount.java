package org.tongban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler parameter of type {@link java.util.UUID}: the signed-in caller's account id, on a page as on the API
 * (session or bearer token). Nobody parses {@code Principal.getName()} again.
 *
 * <p>It lives in the shared kernel, not in identity's API, because modules that identity itself depends on
 * (notifications, platform) and modules that need nothing else of identity (catalog, workflow) take it too; the
 * resolver, which knows what a principal is, lives in identity's {@code internal} package. A call without a
 * signed-in account never reaches a handler that takes it: the URL rules refuse it first, and should one slip
 * through, the resolver answers 401; a principal that names no account (a client's own token) answers 403.
 * {@code required = false} is for what every page does, signed in or not (the layout): there it is null instead.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentAccount {

    /** False: null for a visitor who is not signed in (or a principal that names no account), instead of a refusal. */
    boolean required() default true;
}
