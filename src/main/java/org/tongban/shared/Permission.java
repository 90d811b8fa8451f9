package org.tongban.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A permission named {@code <module>:<operation>}: what {@code @PreAuthorize}, URL rules, token scopes and templates
 * check, never a role name. Each module declares its own as an enum in its root package and lists them in its
 * {@link SecurityRules}; roles grant them (ADR 0019). It lives in the shared kernel, not in identity, because the
 * modules identity itself depends on (audit, notifications, platform) declare permissions too.
 */
public interface Permission {

    /** The authority, exactly as checked (for example {@code cases:handle}): roles, tokens and pages use the string. */
    String authority();

    /** On a declared permission that no role holds yet: why it is declared anyway. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface NotGranted {
        String value();
    }
}
