/**
 * Notices and meetings for officials (通知公告、会议通知; issue 13, part 4): a notice to chosen departments (or every
 * department of a region) with read receipts, who has not read and reminders; a meeting notice with time, place or
 * online link, agenda and attachments, whose invitees reply attend, delegate to a colleague or decline with a
 * reason, reminded the day before and an hour before; both in the unified to-do (ADR 0040, 0045). Owns the
 * {@code notices} schema.
 *
 * <p>API: the permissions, the audit codes and the exceptions. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "notifications", "workbench"})
@org.jspecify.annotations.NullMarked
package org.tongban.notices;
