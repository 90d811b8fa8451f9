package org.tongban.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the auditor looks for: every part is optional. Times are the start (inclusive) and end (exclusive) of the
 * days asked for; {@code before} pages backwards: the entries older than that sequence number.
 */
public record AuditQuery(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String actor,
        @Nullable String code,
        @Nullable String subject,
        @Nullable AuditResult result,
        @Nullable Long before) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    public AuditQuery olderThan(long seq) {
        return new AuditQuery(from, to, actor, code, subject, result, seq);
    }
}
