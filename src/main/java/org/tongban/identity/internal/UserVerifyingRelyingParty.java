package org.tongban.identity.internal;

import java.util.Objects;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Requires user verification on every passkey assertion, whatever the stored options say. Spring's relying party
 * decides by comparing the options' requirement with {@code UserVerificationRequirement.REQUIRED} by identity; once
 * the options have been through a session kept in the database they are a deserialized copy, never identical, and an
 * assertion without user verification passed. This checks with the options rebuilt around the constant.
 */
class UserVerifyingRelyingParty implements WebAuthnRelyingPartyOperations {

    private final WebAuthnRelyingPartyOperations delegate;

    UserVerifyingRelyingParty(WebAuthnRelyingPartyOperations delegate) {
        this.delegate = delegate;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        // The creation options come back through SessionCreationOptionsRepository, which restores the constants.
        return delegate.registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        var o = request.getRequestOptions();
        var options = PublicKeyCredentialRequestOptions.builder()
                .challenge(o.getChallenge())
                .timeout(o.getTimeout())
                .rpId(Objects.requireNonNull(o.getRpId(), "the request options name the relying party"))
                .allowCredentials(o.getAllowCredentials())
                .extensions(o.getExtensions())
                .userVerification(UserVerificationRequirement.REQUIRED)
                .build();
        return delegate.authenticate(new RelyingPartyAuthenticationRequest(options, request.getPublicKey()));
    }
}
