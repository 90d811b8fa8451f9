/**
 * Applications filed by citizens and enterprises, from submission to result (一网通办). Owns the {@code cases}
 * schema. So far: submission with an idempotency key, case numbers per item and day, the approval process started
 * in the same transaction, and the applicant's list and timeline. API: {@link org.tongban.cases.CaseManagement},
 * {@link org.tongban.cases.SubmitCase}, the {@code *Summary}/{@code *View} records and {@link org.tongban.cases.CaseSubmitted}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "workflow", "identity", "platform", "audit", "notifications"})
@org.jspecify.annotations.NullMarked
package org.tongban.cases;
