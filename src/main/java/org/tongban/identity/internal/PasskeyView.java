package org.tongban.identity.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A passkey registered to the signed-in account (刷脸 on the phone). */
public record PasskeyView(
        String credentialId,
        String label,
        @Nullable Instant created,
        @Nullable Instant lastUsed) {}
