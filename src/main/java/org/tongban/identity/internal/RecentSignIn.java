package org.tongban.identity.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Sensitive changes to the account's own credentials (adding a passkey) need a fresh proof: a factor proved within
 * the last {@link #WINDOW}, at sign-in or by confirming the password on the account page, and for staff a two-factor
 * session. Otherwise someone who finds a signed-in browser, or knows a staff password only, could bind a passkey of
 * their own and keep it.
 */
public final class RecentSignIn {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    private RecentSignIn() {}

    public static boolean isFresh(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !Factors.pending(authentication.getAuthorities())
                && Factors.provedWithin(authentication.getAuthorities(), WINDOW);
    }

    static AuthorizationManager<RequestAuthorizationContext> required() {
        return (Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(isFresh(authentication.get()));
    }
}
