package org.tongban.licenses.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A show token (亮证) for the holder to present, as a QR code or text: the token, until when it is good, and the
 * fields it discloses as the verifier will see them (masked unless the holder chose otherwise).
 */
public record ShowTokenView(
        String token,
        String identifier,
        String keyId,
        Instant issuedAt,
        Instant expiresAt,
        Map<String, String> fields) {}
