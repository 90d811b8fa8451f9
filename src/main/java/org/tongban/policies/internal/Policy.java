package org.tongban.policies.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A policy of one issuing department: its words in both languages, validity, benefit, documents (one per line, a
 * title or a link), the service item it is applied for with (none for a 免申即享 policy), and its conditions.
 */
public record Policy(
        UUID id,
        String department,
        String titleZh,
        String titleEn,
        String benefitZh,
        String benefitEn,
        String documents,
        @Nullable String serviceItem,
        boolean automatic,
        LocalDate validFrom,
        LocalDate validTo,
        Status status,
        @Nullable Instant publishedAt,
        List<Condition> conditions) {

    public enum Status {
        DRAFT,
        PUBLISHED,
        WITHDRAWN
    }

    /** One condition: a CEL rule over the profile and its wording for people. */
    public record Condition(String expression, String wordingZh, String wordingEn) {}

    public Policy {
        conditions = List.copyOf(conditions);
    }

    public boolean inForce(LocalDate today) {
        return status == Status.PUBLISHED && !today.isBefore(validFrom) && !today.isAfter(validTo);
    }

    public List<String> documentLines() {
        return documents.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
