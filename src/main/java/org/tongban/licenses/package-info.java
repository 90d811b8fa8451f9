/**
 * Electronic licences (电子证照, DOMAIN.md 5): licence types with a typed data schema; issuance by an official of an
 * issuing department, in batch from CSV, and on the approval of a case whose result is a licence; GB/T 36904
 * identifiers; SM2 signatures by the issuing department's key over a canonical form; keys held by the platform and
 * rotated; the signed trust list of issuer keys and the signed status list for offline verifiers; revocation,
 * suspension, reinstatement and expiry; show tokens (亮证) and their verification online. Owns the {@code licenses}
 * schema. Formats and key custody: {@code docs/licences.md}, ADR 0006.
 *
 * <p>API: {@link org.tongban.licenses.LicenseTypes}, {@link org.tongban.licenses.LicenseIssuance},
 * {@link org.tongban.licenses.LicenseManagement} (status), {@link org.tongban.licenses.LicenseWallet} (the holder's
 * licences, their data and show tokens), {@link org.tongban.licenses.LicenseVerification},
 * {@link org.tongban.licenses.LicenseKeys} and the port {@link org.tongban.licenses.LicenseKeyStore} (an HSM adapter
 * implements it), with their records, events and exceptions. Offline verification lives in
 * {@link org.tongban.verifier}, which this module uses for its own verification.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "verifier", "identity", "platform", "audit", "cases", "catalog"})
@org.jspecify.annotations.NullMarked
package org.tongban.licenses;
