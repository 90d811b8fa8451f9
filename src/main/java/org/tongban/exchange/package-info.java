/**
 * The data exchange between departments (政务数据共享, issue 14 part 1): the catalogue of data resources with the
 * sharing class of each field, access requests decided by the owning department, grants whose credential is an
 * OAuth2 client of the platform, the gateway {@code /exchange/v1/**} that enforces them and writes a signed,
 * tamper-evident call log (ADR 0032), the data subjects' consents (ADR 0033) and the departments' systems as ports.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "platform", "audit", "verifier"})
@org.jspecify.annotations.NullMarked
package org.tongban.exchange;
