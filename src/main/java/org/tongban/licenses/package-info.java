/**
 * Electronic licenses (电子证照, DOMAIN.md 5): license types with a typed data schema; issuance by an official of an
 * issuing department, in batch from CSV, and on the approval of a case whose result is a license; GB/T 36904
 * identifiers; SM2 signatures by the issuing department's key over a canonical form; keys held by the platform and
 * rotated; the signed trust list of issuer keys and the signed status list for offline verifiers; revocation,
 * suspension, reinstatement and expiry; show tokens (亮证) and their verification online. Owns the {@code licenses}
 * schema. Formats and key custody: {@code docs/licenses.md}, ADR 0006.
 *
 * <p>API: what other modules may use, and no more: the events {@link org.tongban.licenses.LicenseIssued} and
 * {@link org.tongban.licenses.LicenseStatusChanged} with {@link org.tongban.licenses.LicenseStatus} (events stay
 * here also because the event publication registry stores them by class name), the audit codes
 * {@link org.tongban.licenses.LicenseAudit} (the trail hears the rest as {@link org.tongban.audit.AuditRecord}), the port
 * {@link org.tongban.licenses.LicenseKeyStore} (an HSM adapter implements it), and the exceptions. No other module calls
 * this one today: the facades ({@code LicenseTypes}, {@code LicenseIssuance}, {@code LicenseManagement},
 * {@code LicenseWallet}, {@code LicenseGrants}, {@code LicenseVerification}, {@code LicenseKeys}), their use cases, the
 * {@code License} aggregate and the read models live in {@code internal/}, for this module's pages and API (ADR 0024).
 * Offline verification lives in {@link org.tongban.verifier}, which this module uses for its own verification.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "verifier", "identity", "platform", "audit", "cases", "catalog"})
@org.jspecify.annotations.NullMarked
package org.tongban.licenses;
