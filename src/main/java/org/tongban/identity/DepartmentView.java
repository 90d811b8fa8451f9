package org.tongban.identity;

import org.jspecify.annotations.Nullable;

/**
 * A government department (an organisation unit of kind DEPARTMENT): its code (e.g. {@code 440100-SCJG}), names and
 * unified social credit code, all public information.
 */
public record DepartmentView(
        String code, String nameZh, String nameEn, @Nullable String creditCode, String regionCode) {}
