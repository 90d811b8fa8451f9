package org.tongban.identity.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.OfficialView;
import org.tongban.identity.Persons;
import org.tongban.identity.ProfileView;
import org.tongban.identity.Role;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.shared.CurrentAccount;

/** The caller's own identity: who am I, my profile, change my phone with a one-time code. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeApiController {

    private final Persons identity;
    private final AccountSecurity accountSecurity;

    MeApiController(Persons identity, AccountSecurity accountSecurity) {
        this.identity = identity;
        this.accountSecurity = accountSecurity;
    }

    record Me(String accountId, String displayName, Set<Role> roles, List<String> permissions, int trustLevel) {}

    record Profile(
            String accountId,
            String name,
            String idNumber,
            @Nullable String phone,
            String birthDate,
            String sex,
            int trustLevel,
            Set<Role> roles,
            @Nullable OfficialView official,
            List<EnterpriseView> enterprises) {
        static Profile of(ProfileView v) {
            return new Profile(
                    v.accountId().toString(),
                    v.name(),
                    v.maskedIdNumber(),
                    v.maskedPhone(),
                    v.birthDate().toString(),
                    v.sex(),
                    v.trustLevel(),
                    v.roles(),
                    v.official(),
                    v.enterprises());
        }
    }

    record PhoneCodeRequest(@Nullable String phone) {}

    record PhoneChange(@Nullable String phone, @Nullable String code) {}

    @GetMapping
    @Operation(summary = "Who am I: account id, masked name, roles, permissions and trust level")
    @PreAuthorize("hasAuthority('identity:read-own')")
    Me me(@CurrentAccount UUID me, Authentication authentication) {
        var profile = identity.profile(me);
        var permissions = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> !a.startsWith("ROLE_") && !a.startsWith("SCOPE_") && !a.startsWith("FACTOR_"))
                .sorted()
                .toList();
        return new Me(
                profile.accountId().toString(),
                profile.maskedName(),
                profile.roles(),
                permissions,
                profile.trustLevel());
    }

    @GetMapping("/profile")
    @Operation(summary = "My profile; ID number and phone are masked")
    @PreAuthorize("hasAuthority('identity:read-own')")
    Profile profile(@CurrentAccount UUID me) {
        return Profile.of(identity.profile(me));
    }

    @PostMapping("/phone/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a one-time code to a new phone number")
    @PreAuthorize("hasAuthority('identity:update-own')")
    void sendPhoneCode(@RequestBody PhoneCodeRequest body, @CurrentAccount UUID me) {
        accountSecurity.sendPhoneChangeCode(me, body.phone() == null ? "" : body.phone());
    }

    @PutMapping("/phone")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my phone with the code sent to the new number")
    @PreAuthorize("hasAuthority('identity:update-own')")
    void changePhone(@RequestBody PhoneChange body, @CurrentAccount UUID me) {
        accountSecurity.changePhone(
                me, body.phone() == null ? "" : body.phone(), body.code() == null ? "" : body.code());
    }
}
