/**
 * Policy library, push and 免申即享 (issue 12, part 3): enterprise profiles (一企一档 as eligibility rules see them),
 * policies published by a department's policy officer with their eligibility written as conditions in Google's
 * Common Expression Language (ADR 0039), the matcher that evaluates them on publication and when a profile changes,
 * the enterprise's matched and nearly matched policies with the reasons, and benefits granted without application
 * after the issuing department confirms the matched list. Owns the {@code policies} schema.
 *
 * <p>API: the permissions, the audit codes and the exceptions. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "notifications", "catalog"})
@org.jspecify.annotations.NullMarked
package org.tongban.policies;
