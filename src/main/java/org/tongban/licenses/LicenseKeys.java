package org.tongban.licenses;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tongban.licenses.LicenseKeyStore.KeyInfo;
import org.tongban.licenses.internal.Publications;

/**
 * The operator's view of the signing keys (运维): which keys verify, and rotation on demand (a suspected compromise, a
 * planned change). Keys also rotate by themselves when their signing period ends. Licences signed with an old key
 * keep verifying until that key's {@code notAfter}; new licences and show tokens use the new key at once.
 */
@Service
public class LicenseKeys {

    private static final Set<String> USES = Set.of(LicenseKeyStore.ISSUER, LicenseKeyStore.STATUS, LicenseKeyStore.ROOT);

    private final LicenseKeyStore keys;
    private final Publications publications;
    private final LicenseTypes types;

    LicenseKeys(LicenseKeyStore keys, Publications publications, LicenseTypes types) {
        this.keys = keys;
        this.publications = publications;
        this.types = types;
    }

    /** Every key whose signatures still verify, newest first. */
    public List<KeyInfo> keys() {
        return keys.verifiable(Instant.now());
    }

    /**
     * Replaces the current key of an owner (an issuing department, or {@code PLATFORM} for the status and root keys).
     * The new key reaches the trust list at once on this node.
     *
     * @throws InvalidLicenseException an owner that issues no licence type, or an unknown use
     */
    public KeyInfo rotate(String owner, String use, UUID operator) {
        var platform = owner.equals(LicenseKeyStore.PLATFORM);
        boolean issuer = types.all().stream().anyMatch(t -> t.issuedBy(owner));
        if (!USES.contains(use) || (platform ? use.equals(LicenseKeyStore.ISSUER) : !(issuer && use.equals(LicenseKeyStore.ISSUER)))) {
            throw new InvalidLicenseException(java.util.Map.of("owner", "licenses.error.unknownKeyOwner"));
        }
        var created = keys.rotate(owner, use, operator.toString());
        publications.keysChanged();
        return created;
    }
}
