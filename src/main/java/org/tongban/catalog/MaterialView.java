package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

/** A material (申请材料) of an item; {@link #licenseType} names the electronic license that can replace it. */
public record MaterialView(
        int seq,
        String name,
        String necessity,
        String source,
        @Nullable String licenseType) {}
