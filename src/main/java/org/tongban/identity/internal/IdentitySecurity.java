package org.tongban.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.tongban.identity.IdentityPermission;
import org.tongban.shared.SecurityRules;

/**
 * Identity's own permissions and pages: signing in (password, code, passkey) and registering are open; adding a
 * passkey needs a fresh proof ({@link RecentSignIn}); the operator's account desk needs its permission. The filter
 * chains that apply every module's rules are {@link SecurityConfiguration}'s.
 */
@Component
class IdentitySecurity implements SecurityRules {

    @Override
    public Collection<IdentityPermission> permissions() {
        return List.of(IdentityPermission.values());
    }

    @Override
    public void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/login",
                        "/register",
                        "/register/code",
                        "/login/code/send",
                        "/password-reset",
                        "/password-reset/code",
                        "/webauthn/authenticate/options",
                        "/login/webauthn")
                .permitAll()
                // Adding a passkey needs a fresh proof (and for staff two factors): RecentSignIn.
                .requestMatchers("/webauthn/register", "/webauthn/register/**")
                .access(RecentSignIn.required())
                // Claiming an enterprise: citizens too (a claim makes the account an enterprise user), ADR 0030.
                .requestMatchers("/business/enterprises/claim", "/business/enterprises/claims/**")
                .hasAuthority(IdentityPermission.ENTERPRISE_CLAIM.authority())
                .requestMatchers("/console/accounts/**")
                .hasAuthority(IdentityPermission.ACCOUNTS_UNLOCK.authority());
    }
}
