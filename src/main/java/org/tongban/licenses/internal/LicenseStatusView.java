package org.tongban.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.licenses.LicenseStatus;

/**
 * A license's status as anyone may ask it by identifier: no holder, no data.
 *
 * @param status the effective status (a valid license past its last day reads {@link LicenseStatus#EXPIRED})
 * @param code the national status code (01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效)
 * @param statusIndex the license's position in the status list
 */
public record LicenseStatusView(
        String identifier,
        LicenseStatus status,
        String code,
        @Nullable LocalDate validTo,
        @Nullable Instant changedAt,
        long statusIndex) {}
