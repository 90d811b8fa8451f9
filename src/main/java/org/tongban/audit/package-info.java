/**
 * The tamper-evident audit trail (等保 level 3, GB/T 39786 8.4 g). Every module publishes events that implement
 * {@link org.tongban.audit.Audited}; this module appends them to an SM3 hash chain in the {@code audit} schema,
 * which no other module reads. Failures, which roll back their own transaction, are recorded through
 * {@link org.tongban.audit.AuditManagement#recordNow}. The auditor reads the trail and verifies the chain.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.tongban.audit;
