package org.tongban.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the hash chain.
 *
 * @param intact      true when every row's hash matches its content and its predecessor
 * @param checked     how many rows were checked
 * @param firstBroken the sequence number of the first row whose hash does not match, if any
 * @param reason      why it fails: {@code HASH_MISMATCH} (a row's MAC), {@code LINK_MISMATCH}, {@code GAP} (a missing
 *                    row), {@code HEAD_MISMATCH} (the head's MAC), {@code TRUNCATED} (shorter than a checkpoint kept
 *                    outside the database) or {@code CHECKPOINT_MISMATCH} (a checkpoint that the chain or its key
 *                    does not confirm)
 */
public record ChainVerification(
        boolean intact,
        long checked,
        @Nullable Long firstBroken,
        @Nullable String reason) {}
