/**
 * 政企互动 (issue 12, part 4): requests, complaints and suggestions of enterprises and citizens, routed by category
 * and the requester's city to the responsible department (ADR 0041), accepted, transferred with a reason or replied
 * within a working-day deadline, rated and reopened once. Owns the {@code appeals} schema.
 *
 * <p>API: the permissions, the audit codes and the exceptions. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "platform", "workbench"})
@org.jspecify.annotations.NullMarked
package org.tongban.appeals;
