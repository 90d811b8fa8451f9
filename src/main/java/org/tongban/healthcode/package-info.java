/**
 * The health code (健康码, issue 14 part 5): a green, yellow or red status computed by fixed rules (ADR 0042) from the
 * health department's records, which it reads through the exchange on behalf of the person
 * ({@link org.tongban.exchange.SubjectReads}), never from the source's tables; shown as a refreshing QR whose token
 * is a show token signed with the health department's key, so that the licences' verifier checks it online and
 * offline; a printable signed offline card; and venue codes (场所码) whose scan records a visit. Owns the
 * {@code healthcode} schema.
 *
 * <p>API: {@link org.tongban.healthcode.HealthCodes} (the code of a person by ID number: the seam for relatives'
 * codes), the status, permissions, audit codes and exceptions. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "platform", "exchange", "licenses", "verifier"})
@org.jspecify.annotations.NullMarked
package org.tongban.healthcode;
