package org.tongban.licenses.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One use of a licence under an authorisation, as its holder sees it.
 *
 * @param actorKind OFFICIAL (an official of {@code department} read the data) or CASE (the licence was used in the
 *     application {@code caseNumber})
 * @param what SUMMARY (the data put on the case) or FULL (all the licence's data)
 */
public record GrantUseView(UUID grantId, String actorKind, @Nullable String department, String departmentNameZh,
        String departmentNameEn, @Nullable String caseNumber, String what, String purpose, Instant at) {}
