package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the passkey registration options between the two registration requests, in the session. Spring's own
 * repository stores the options object, which is not serializable and so cannot live in a session that is kept in
 * the database (where any node may answer the second request); this stores a serializable snapshot instead.
 */
class SessionCreationOptionsRepository implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptionsRepository.class.getName();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    @Override
    public void save(
            HttpServletRequest request,
            HttpServletResponse response,
            @Nullable PublicKeyCredentialCreationOptions options) {
        var session = request.getSession();
        if (options == null) session.removeAttribute(ATTRIBUTE);
        else session.setAttribute(ATTRIBUTE, Snapshot.of(options));
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) return null;
        return session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot ? snapshot.options() : null;
    }

    /** The options as plain values. */
    record Snapshot(
            String rpId,
            String rpName,
            String userId,
            String userName,
            String userDisplayName,
            String challenge,
            List<Long> algorithms,
            long timeoutMillis,
            List<String> excludeIds,
            @Nullable String attachment,
            @Nullable String residentKey,
            @Nullable String userVerification,
            @Nullable String attestation,
            boolean credProps)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Snapshot of(PublicKeyCredentialCreationOptions o) {
            var selection = o.getAuthenticatorSelection();
            var extensions = o.getExtensions();
            boolean credProps = extensions != null
                    && extensions.getInputs().stream().anyMatch(i -> "credProps".equals(i.getExtensionId()));
            return new Snapshot(
                    o.getRp().getId(),
                    o.getRp().getName(),
                    o.getUser().getId().toBase64UrlString(),
                    o.getUser().getName(),
                    Objects.requireNonNullElse(
                            o.getUser().getDisplayName(), o.getUser().getName()),
                    o.getChallenge().toBase64UrlString(),
                    o.getPubKeyCredParams().stream()
                            .map(p -> p.getAlg().getValue())
                            .toList(),
                    o.getTimeout() == null ? 300_000 : o.getTimeout().toMillis(),
                    o.getExcludeCredentials() == null
                            ? List.of()
                            : o.getExcludeCredentials().stream()
                                    .map(d -> Objects.requireNonNull(d.getId(), "an excluded credential has an id")
                                            .toBase64UrlString())
                                    .toList(),
                    selection == null || selection.getAuthenticatorAttachment() == null
                            ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null
                            ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null
                            ? null
                            : selection.getUserVerification().getValue(),
                    o.getAttestation() == null ? null : o.getAttestation().getValue(),
                    credProps);
        }

        PublicKeyCredentialCreationOptions options() {
            var selection = AuthenticatorSelectionCriteria.builder();
            if (attachment != null) selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
            if (residentKey != null) selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            if (userVerification != null) selection.userVerification(userVerification(userVerification));
            var builder = PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder()
                            .id(rpId)
                            .name(rpName)
                            .build())
                    .user(ImmutablePublicKeyCredentialUserEntity.builder()
                            .id(Bytes.fromBase64(userId))
                            .name(userName)
                            .displayName(userDisplayName)
                            .build())
                    .challenge(Bytes.fromBase64(challenge))
                    .pubKeyCredParams(algorithms.stream()
                            .flatMap(a ->
                                    ALGORITHMS.stream().filter(p -> p.getAlg().getValue() == a))
                            .toList())
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .excludeCredentials(excludeIds.stream()
                            .map(id -> PublicKeyCredentialDescriptor.builder()
                                    .type(PublicKeyCredentialType.PUBLIC_KEY)
                                    .id(Bytes.fromBase64(id))
                                    .build())
                            .toList())
                    .authenticatorSelection(selection.build());
            if (attestation != null) builder.attestation(AttestationConveyancePreference.valueOf(attestation));
            if (credProps) {
                builder.extensions(new ImmutableAuthenticationExtensionsClientInputs(
                        ImmutableAuthenticationExtensionsClientInput.credProps));
            }
            return builder.build();
        }

        private static UserVerificationRequirement userVerification(String value) {
            return Stream.of(
                            UserVerificationRequirement.DISCOURAGED,
                            UserVerificationRequirement.PREFERRED,
                            UserVerificationRequirement.REQUIRED)
                    .filter(u -> u.getValue().equals(value))
                    .findFirst()
                    .orElse(UserVerificationRequirement.PREFERRED);
        }
    }
}
