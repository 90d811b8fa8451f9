package org.tongban.licenses.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A use authorisation to give (用证授权): to a department ({@code granteeKind} DEPARTMENT, its code) or to whoever
 * handles a service item ({@code ITEM}, the item code), for a purpose (at most 100 characters), until a date (after
 * today, at most a year ahead).
 */
public record GrantLicense(
        @Nullable String granteeKind,
        @Nullable String grantee,
        @Nullable String purpose,
        @Nullable LocalDate validUntil) {}
