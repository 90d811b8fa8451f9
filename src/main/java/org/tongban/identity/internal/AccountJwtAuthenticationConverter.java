package org.tongban.identity.internal;

import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.tongban.identity.Role;

/**
 * Turns a bearer token into the account's current permissions, read from the database on each call: a role
 * removed or an account disabled takes effect at once, not when the token expires.
 */
@Component
class AccountJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountStore accounts;

    AccountJwtAuthenticationConverter(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = Set.of();
        try {
            var id = UUID.fromString(jwt.getSubject());
            var account = accounts.findById(id);
            if (account.isPresent() && account.get().enabled()) roles = accounts.rolesOf(id);
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // A token without an account subject gets no permissions.
        }
        return new JwtAuthenticationToken(jwt, TongbanUser.authoritiesOf(roles), jwt.getSubject());
    }
}
