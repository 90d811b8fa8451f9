package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongban.shared.CurrentAccount;

/** The one place that reads the caller's account from the principal, and its refusals. */
class CurrentAccountResolverTests {

    final CurrentAccountResolver resolver = new CurrentAccountResolver();

    @SuppressWarnings("unused")
    void handler(@CurrentAccount UUID me, UUID other, @CurrentAccount String notAnId) {}

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyAnAnnotatedUuidIsResolved() throws Exception {
        var method = getClass().getDeclaredMethod("handler", UUID.class, UUID.class, String.class);
        assertThat(resolver.supportsParameter(new MethodParameter(method, 0))).isTrue();
        assertThat(resolver.supportsParameter(new MethodParameter(method, 1))).isFalse();
        assertThat(resolver.supportsParameter(new MethodParameter(method, 2))).isFalse();
    }

    @Test
    void aSignedInAccountIsItsId() {
        var id = UUID.randomUUID();
        signIn(UsernamePasswordAuthenticationToken.authenticated(
                id.toString(), null, AuthorityUtils.createAuthorityList("identity:read-own")));
        assertThat(resolver.account()).isEqualTo(id);
    }

    @Test
    void withoutASignedInAccountItIsSpringSecuritys401() {
        assertThatThrownBy(resolver::account).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        signIn(new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(resolver::account).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        signIn(UsernamePasswordAuthenticationToken.unauthenticated(
                UUID.randomUUID().toString(), "secret"));
        assertThatThrownBy(resolver::account).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aPrincipalThatNamesNoAccountIsRefused() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("reporting-client", null, List.of()));
        assertThatThrownBy(resolver::account).isInstanceOf(AccessDeniedException.class);
    }

    private static void signIn(org.springframework.security.core.Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
