package org.tongban.licenses.internal;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One license in full, for its holder (or an official of the issuing department, audited): the data as signed, the
 * signature and whether it still verifies, and the status.
 *
 * @param canonical the signed canonical document (UTF-8 JSON, docs/licenses.md)
 * @param signature the issuer's SM2 signature over {@code canonical}, DER, base64
 * @param signatureValid whether the signature verifies now with the key that made it
 */
public record LicenseView(
        LicenseSummary summary,
        LicenseTypeView type,
        String issuerNameZh,
        String issuerNameEn,
        String issuerCreditCode,
        String holderName,
        String holderId,
        String number,
        Map<String, String> data,
        @Nullable String previous,
        @Nullable String caseNumber,
        String keyId,
        String canonical,
        String signature,
        boolean signatureValid) {

    /** A field's value by name: a standard attribute or a face-data field; null when the license has none. */
    public @Nullable String value(String name) {
        return switch (name) {
            case "holderName" -> holderName;
            case "holderId" -> holderId;
            case "number" -> number;
            case "issueDate" -> summary.issueDate().toString();
            case "validFrom" -> summary.validFrom().toString();
            case "validTo" ->
                summary.validTo() == null ? null : summary.validTo().toString();
            case "issuer" -> issuerNameZh;
            default -> data.get(name);
        };
    }

    public String identifier() {
        return summary.identifier();
    }

    public @Nullable LocalDate validTo() {
        return summary.validTo();
    }
}
