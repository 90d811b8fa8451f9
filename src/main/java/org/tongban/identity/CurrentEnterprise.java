package org.tongban.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler parameter of type {@link EnterpriseView}: the enterprise the caller acts for in this request (ADR
 * 0030). On a page, the one held by the session (switched at {@code /business/enterprises/current}, the first one
 * by default); on the API, the one named by the {@code X-Enterprise} header (a credit code), which may be left out
 * by an account acting for exactly one. Checked against the caller's grants on every request, so a revoked or
 * expired grant stops at once; one the caller may not act for is not found.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentEnterprise {

    /** The API header naming the enterprise. */
    String HEADER = "X-Enterprise";

    /**
     * Whether a caller acting for no enterprise is refused (404), or gets null; not required, an API caller acting
     * for several who names none also gets null (required, 422). A header naming one not held is 404 either way.
     */
    boolean required() default true;
}
