package org.tongban.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.tongban.identity.Role;

/**
 * Turns a bearer access token into permissions: the account's current roles, read from the database on each call
 * (a role removed or an account disabled takes effect at once, not when the token expires), cut down to what the
 * token's scopes allow ({@link TokenScopes}). A token issued before the account signed out everywhere gets none.
 * The decoder has already refused ID tokens, other audiences and other issuers
 * ({@code AuthorizationServerConfiguration.jwtDecoder}).
 */
@Component
class AccountJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountStore accounts;
    private final RolePermissions permissions;

    AccountJwtAuthenticationConverter(AccountStore accounts, RolePermissions permissions) {
        this.accounts = accounts;
        this.permissions = permissions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = Set.of();
        try {
            // One query: enabled, roles and the sign-out-everywhere instant.
            var account = accounts.currentAccess(UUID.fromString(jwt.getSubject()));
            var notBefore =
                    account.map(AccountStore.CurrentAccess::tokensNotBefore).orElse(null);
            if (notBefore != null
                    && (jwt.getIssuedAt() == null || !jwt.getIssuedAt().isAfter(notBefore))) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error("invalid_token", "The token was revoked", null));
            }
            if (account.isPresent() && account.get().enabled())
                roles = account.get().roles();
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // A token without an account subject gets no permissions.
        }
        List<String> scopes = jwt.getClaimAsStringList("scope");
        var allowed = TokenScopes.permissionsOf(scopes == null ? List.of() : scopes);
        Set<GrantedAuthority> authorities = permissions.authoritiesOf(roles).stream()
                .filter(a -> allowed.contains(a.getAuthority()))
                .collect(Collectors.toUnmodifiableSet());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
