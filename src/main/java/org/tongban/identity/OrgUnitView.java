package org.tongban.identity;

import org.jspecify.annotations.Nullable;

/**
 * An organisation unit of the region tree (province → city → district) or a department within a region: its code,
 * kind ({@code PROVINCE}, {@code CITY}, {@code DISTRICT} or {@code DEPARTMENT}), names and the code of the unit above
 * it (none for the province). Public information.
 */
public record OrgUnitView(
        String code,
        String kind,
        String nameZh,
        String nameEn,
        @Nullable String parentCode) {}
