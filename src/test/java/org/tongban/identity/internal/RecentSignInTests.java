package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.tongban.cases.CasePermission;
import org.tongban.identity.Role;
import org.tongban.licenses.LicensePermission;
import org.tongban.portal.PortalPermission;

/** Adding a passkey needs a factor proved in the last five minutes, and for staff two factors (issue 9, finding 2). */
class RecentSignInTests {

    /** The grants of the modules these tests name (the application assembles every module's). */
    private static final RolePermissions PERMISSIONS =
            RolePermissions.of(Stream.of(PortalPermission.values(), CasePermission.values(), LicensePermission.values())
                    .flatMap(Arrays::stream)
                    .toList());

    private static FactorGrantedAuthority factor(String authority, long minutesAgo) {
        return FactorGrantedAuthority.withAuthority(authority)
                .issuedAt(Instant.now().minusSeconds(minutesAgo * 60))
                .build();
    }

    private static UsernamePasswordAuthenticationToken signedIn(Set<Role> roles, FactorGrantedAuthority... factors) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "a", null, Factors.authorities(PERMISSIONS, roles, List.of(factors)));
    }

    @Test
    void aSignInOfAMinuteAgoIsFresh() {
        assertThat(RecentSignIn.isFresh(
                        signedIn(Set.of(Role.CITIZEN), factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, 1))))
                .isTrue();
    }

    @Test
    void aSignInOfAnHourAgoIsNotFresh() {
        assertThat(RecentSignIn.isFresh(
                        signedIn(Set.of(Role.CITIZEN), factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, 60))))
                .isFalse();
    }

    @Test
    void aStaffPasswordAloneIsNeverFreshEnough() {
        assertThat(RecentSignIn.isFresh(
                        signedIn(Set.of(Role.OFFICIAL), factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, 0))))
                .isFalse();
        assertThat(RecentSignIn.isFresh(signedIn(
                        Set.of(Role.OFFICIAL),
                        factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, 30),
                        factor(FactorGrantedAuthority.OTT_AUTHORITY, 1))))
                .isTrue();
    }

    @Test
    void aOneFactorStaffSessionHoldsNoStaffPermission() {
        var authorities = Factors.authorities(
                PERMISSIONS,
                Set.of(Role.OFFICIAL, Role.CITIZEN),
                List.of(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, 0)));
        var names = authorities.stream().map(a -> a.getAuthority()).toList();
        assertThat(names)
                .contains("channel:citizen", "identity:read-own", Factors.SECOND_FACTOR_REQUIRED)
                .doesNotContain(
                        "channel:office",
                        "cases:handle",
                        "identity:person-read",
                        "licenses:issue",
                        "identity:update-own");
        var strong = Factors.authorities(
                PERMISSIONS, Set.of(Role.OFFICIAL), List.of(factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, 0)));
        assertThat(strong.stream().map(a -> a.getAuthority()).toList())
                .contains("channel:office", "cases:handle")
                .doesNotContain(Factors.SECOND_FACTOR_REQUIRED);
    }
}
