package org.tongban.documents.internal;

import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.shared.GmCrypto;

/**
 * Seals a rendered document with its department's SM2 key (ADR 0029). The key is the department's {@code ISSUER}
 * key in the licenses module's custody ({@link LicenseKeyStore}, its API): the same key that signs the department's
 * licences, published in the signed trust list, so an offline verifier that trusts the list verifies the document
 * too. The signature is detached: SM2 with SM3 and the default identifier over the PDF's bytes.
 */
@Component
class Sealing {

    private final LicenseKeyStore keys;

    Sealing(LicenseKeyStore keys) {
        this.keys = keys;
    }

    Seal seal(String department, byte[] pdf) {
        var key = keys.current(department, LicenseKeyStore.ISSUER);
        var signature = keys.sign(key.kid(), pdf);
        return new Seal(signature, key.kid(), HexFormat.of().formatHex(GmCrypto.sm3(pdf)));
    }

    /** A detached signature with the key's id and the SM3 digest of the signed bytes (hex). */
    record Seal(byte[] signature, String keyId, String sm3) {}
}
