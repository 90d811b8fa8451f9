package org.tongban.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tongban.identity.IdentityPermission;
import org.tongban.identity.Role;
import org.tongban.notifications.NotificationPermission;

/**
 * Which factors a sign-in proved, and what they unlock (等保 level 3). Staff (officials, department admins, managers,
 * operators, auditors) hold their staff permissions only in a two-factor session: a passkey with user verification,
 * or a password plus a one-time code to the account's phone. A one-factor staff session keeps what every account has
 * (its own profile and messages) and the permissions of its other roles (an official who is also a citizen keeps the
 * citizen channel), plus {@link #SECOND_FACTOR_REQUIRED}, which sends it to the step-up page instead of "not allowed".
 * Deciding this where authorities are made, not per path, means no staff endpoint (page, API, method) can be missed.
 */
final class Factors {

    /** Marks a staff session that has proved one factor only. */
    static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

    static final Set<Role> STAFF = EnumSet.of(
            Role.OFFICIAL, Role.DEPARTMENT_ADMIN, Role.GOVERNMENT_MANAGER, Role.PLATFORM_OPERATOR, Role.AUDITOR);
    /** What a one-factor staff session keeps of its staff roles: reading its own account and messages. */
    private static final Set<String> KEPT =
            Set.of(IdentityPermission.READ_OWN.authority(), NotificationPermission.READ_OWN.authority());

    private Factors() {}

    /** The factors among the authorities (FACTOR_PASSWORD, FACTOR_OTT, FACTOR_WEBAUTHN...). */
    static List<FactorGrantedAuthority> factorsOf(Collection<? extends GrantedAuthority> authorities) {
        var factors = new ArrayList<FactorGrantedAuthority>();
        for (var a : authorities) if (a instanceof FactorGrantedAuthority f) factors.add(f);
        return factors;
    }

    static boolean has(Collection<? extends GrantedAuthority> authorities, String factor) {
        return authorities.stream().anyMatch(a -> factor.equals(a.getAuthority()));
    }

    /** A passkey (user verification required), or a password together with a one-time code. */
    static boolean twoFactors(Collection<? extends GrantedAuthority> authorities) {
        return has(authorities, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                || has(authorities, FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        && has(authorities, FactorGrantedAuthority.OTT_AUTHORITY);
    }

    static boolean pending(Collection<? extends GrantedAuthority> authorities) {
        return has(authorities, SECOND_FACTOR_REQUIRED);
    }

    /** Whether any factor was proved within the given time: a "fresh" sign-in, for sensitive account changes. */
    static boolean provedWithin(Collection<? extends GrantedAuthority> authorities, Duration window) {
        var since = Instant.now().minus(window);
        return factorsOf(authorities).stream().anyMatch(f -> f.getIssuedAt().isAfter(since));
    }

    /** The authorities of an account with these roles that has proved these factors. */
    static Set<GrantedAuthority> authorities(
            RolePermissions permissions, Set<Role> roles, Collection<FactorGrantedAuthority> factors) {
        var result = new LinkedHashSet<GrantedAuthority>();
        boolean strong = twoFactors(factors);
        boolean staff = roles.stream().anyMatch(STAFF::contains);
        for (var role : roles) {
            result.add(new SimpleGrantedAuthority(role.authority()));
            if (strong || !STAFF.contains(role)) {
                permissions.of(role).forEach(p -> result.add(new SimpleGrantedAuthority(p)));
            } else {
                permissions.of(role).stream()
                        .filter(KEPT::contains)
                        .forEach(p -> result.add(new SimpleGrantedAuthority(p)));
            }
        }
        if (staff && !strong) {
            // Not even as a citizen may a one-factor staff account change its own details: a phone changed to the
            // attacker's would receive the very code that is the second factor.
            result.remove(new SimpleGrantedAuthority(IdentityPermission.UPDATE_OWN.authority()));
            result.add(new SimpleGrantedAuthority(SECOND_FACTOR_REQUIRED));
        }
        result.addAll(factors);
        return result;
    }

    /** The roles named by the authorities (ROLE_...). */
    static Set<Role> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        var roles = EnumSet.noneOf(Role.class);
        for (var role : Role.values()) {
            if (authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) roles.add(role);
        }
        return roles;
    }
}
