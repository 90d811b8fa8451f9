/**
 * 效能监管 (issue 15, part 4): dashboards of case volumes, zero-visit, on-time and overdue rates, handling days,
 * ratings and rectification, licences issued and shown, 公文 completion and active users, for managers (the
 * province) and department admins (their own department), with drill-down to the cases, CSV and a wall screen
 * (数看). Owns the {@code insight} schema: read models kept by the events of cases, ratings and licenses
 * (ADR 0044), never the truth.
 *
 * <p>API: the permissions, the audit codes and the refusal. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "audit",
            "platform",
            "catalog",
            "cases",
            "ratings",
            "licenses",
            "documents"
        })
@org.jspecify.annotations.NullMarked
package org.tongban.insight;
