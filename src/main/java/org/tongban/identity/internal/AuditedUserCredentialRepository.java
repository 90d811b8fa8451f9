package org.tongban.identity.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;

/**
 * Passkey storage that audits what happens to passkeys. Spring Security saves a credential when it is registered
 * and again after each successful sign-in (new signature counter and last-used time): the first is
 * "passkey added"; the others are sign-ins, which {@link PasskeySignIn} announces.
 */
class AuditedUserCredentialRepository implements UserCredentialRepository {

    private final UserCredentialRepository delegate;
    private final AuditManagement audit;
    private final PublicKeyCredentialUserEntityRepository users;

    AuditedUserCredentialRepository(
            UserCredentialRepository delegate, AuditManagement audit, PublicKeyCredentialUserEntityRepository users) {
        this.delegate = delegate;
        this.audit = audit;
        this.users = users;
    }

    /** The account id behind a passkey's user handle. */
    private @Nullable String accountOf(Bytes userHandle) {
        var entity = users.findById(userHandle);
        return entity == null ? null : entity.getName();
    }

    @Override
    public void delete(Bytes credentialId) {
        delegate.delete(credentialId);
    }

    @Override
    public void save(CredentialRecord record) {
        var existing = delegate.findByCredentialId(record.getCredentialId());
        delegate.save(record);
        var subject = record.getCredentialId().toBase64UrlString();
        var actor = accountOf(record.getUserEntityUserId());
        // A save of a known passkey is a sign-in; PasskeySignIn announces it and SignInAttempts audits it.
        if (existing == null) {
            audit.recordNow(AuditRecord.success(
                    IdentityAudit.PASSKEY_ADDED,
                    actor,
                    subject,
                    Map.of(
                            "label",
                            record.getLabel(),
                            "userHandle",
                            record.getUserEntityUserId().toBase64UrlString())));
        }
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return delegate.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return delegate.findByUserId(userId);
    }
}
