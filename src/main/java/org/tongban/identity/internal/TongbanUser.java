package org.tongban.identity.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.identity.Role;

/**
 * An account as sign-in sees it. Its user name is the account id (a UUID), never the ID number: principals end up
 * in session rows, logs and tokens.
 */
public record TongbanUser(
        UUID accountId,
        String maskedName,
        @Nullable String passwordHash,
        Set<Role> roles,
        boolean enabled,
        @Nullable Instant lockedUntil,
        RolePermissions permissions)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return permissions.authoritiesOf(roles);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return accountId.toString();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * The principal kept after sign-in: Spring's {@link User}, named by the account id, with the permissions and
     * no password hash. A standard type, so that sessions and stored OAuth2 authorizations can hold it.
     */
    public UserDetails signedIn() {
        return User.withUsername(accountId.toString())
                .password("")
                .authorities(getAuthorities())
                .build();
    }

    /**
     * The authentication of this account after it proved these factors: its authorities are what the factors
     * unlock ({@link Factors}), and the factors themselves are recorded among them.
     */
    UsernamePasswordAuthenticationToken signedInWith(Collection<FactorGrantedAuthority> factors) {
        var authorities = Factors.authorities(permissions, roles, factors);
        var principal = User.withUsername(accountId.toString())
                .password("")
                .authorities(authorities.stream()
                        .filter(a -> !(a instanceof FactorGrantedAuthority))
                        .toList())
                .build();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
