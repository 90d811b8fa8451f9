package org.tongban.exchange.internal;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the call log: how many entries were checked, the last signed head, and, when broken, the
 * first entry that fails and why ({@code LINK_MISMATCH}, {@code HASH_MISMATCH}, {@code GAP}, {@code HEAD_MISMATCH},
 * {@code SIGNATURE_INVALID}, {@code TRUNCATED}).
 */
public record LogVerification(
        boolean intact,
        long checked,
        long signedUpTo,
        @Nullable Long brokenAt,
        @Nullable String reason) {}
