package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A material of a case: an uploaded file, or an electronic license used in its place with its data at the time. */
public record CaseMaterialView(
        int seq,
        String name,
        String kind,
        @Nullable UUID uploadId,
        @Nullable String fileName,
        @Nullable String contentType,
        @Nullable Integer size,
        @Nullable String licenseId,
        @Nullable String licenseData) {}
