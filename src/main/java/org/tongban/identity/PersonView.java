package org.tongban.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Another person's data as an authorised official sees it; every such read is audited. */
public record PersonView(
        UUID accountId,
        String name,
        String maskedIdNumber,
        @Nullable String maskedPhone,
        int trustLevel) {}
