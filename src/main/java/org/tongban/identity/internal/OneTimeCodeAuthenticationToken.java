package org.tongban.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A sign-in attempt with an identifier and a one-time code sent to the account's phone (before it is checked). */
class OneTimeCodeAuthenticationToken extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Object principal;
    private @Nullable String code;

    private OneTimeCodeAuthenticationToken(
            Object principal,
            @Nullable String code,
            Collection<? extends GrantedAuthority> authorities,
            boolean authenticated) {
        super(authorities);
        this.principal = principal;
        this.code = code;
        super.setAuthenticated(authenticated);
    }

    static OneTimeCodeAuthenticationToken unauthenticated(String identifier, String code) {
        return new OneTimeCodeAuthenticationToken(identifier, code, List.of(), false);
    }

    @Override
    public @Nullable Object getCredentials() {
        return code;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.toString();
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        code = null;
    }
}
