package org.tongban.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the hash chain.
 *
 * @param intact      true when every row's hash matches its content and its predecessor
 * @param checked     how many rows were checked
 * @param firstBroken the sequence number of the first row whose hash does not match, if any
 * @param reason      why that row fails: {@code HASH_MISMATCH}, {@code LINK_MISMATCH} or {@code GAP}
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBroken, @Nullable String reason) {}
