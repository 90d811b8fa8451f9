package org.tongban.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account holder's own profile. ID number and phone are masked even here: the full values never leave the
 * identity module except to the holder's own registration check.
 */
public record ProfileView(
        UUID accountId,
        String name,
        String maskedName,
        String maskedIdNumber,
        @Nullable String maskedPhone,
        LocalDate birthDate,
        String sex,
        int trustLevel,
        Set<Role> roles,
        @Nullable OfficialView official,
        List<EnterpriseView> enterprises,
        boolean elderlyMode) {}
