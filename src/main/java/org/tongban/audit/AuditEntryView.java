package org.tongban.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the audit trail as the auditor sees it. */
public record AuditEntryView(
        long seq,
        Instant occurredAt,
        String code,
        @Nullable String actor,
        String subject,
        String result,
        String details,
        String hash) {}
