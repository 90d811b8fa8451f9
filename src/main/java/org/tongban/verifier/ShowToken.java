package org.tongban.verifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a show token (亮证): which license, from which issuer, the fields its holder chose to show (masked
 * unless the holder unmasked them), and how long the token is good for. Format: docs/licenses.md.
 *
 * @param licenseId the GB/T 36904 identifier of the license
 * @param issuer the issuing department's code; the signing key must belong to it
 * @param type the license type's code (e.g. {@code BUSINESS_LICENCE}) and {@code typeName} its Chinese name
 * @param fields the disclosed fields, by name, as shown
 * @param validTo the last day of the license's validity (China's date), or null when it is permanent (长期有效)
 * @param statusIndex the license's position in the status list
 * @param nonce a random value that makes every token distinct
 */
public record ShowToken(
        String kid,
        String licenseId,
        String issuer,
        String type,
        String typeName,
        Map<String, String> fields,
        Instant issuedAt,
        Instant expiresAt,
        LocalDate validFrom,
        LocalDate validTo,
        long statusIndex,
        String nonce) {

    /** The {@code typ} of a show-token envelope. */
    public static final String TYPE = "TB-SHOW";

    /** Tokens are meant for QR codes; anything longer is refused before any work is done. */
    public static final int MAX_LENGTH = 8 * 1024;

    public ShowToken {
        fields = Map.copyOf(fields);
    }

    /** The payload object of this token, for signing. */
    public Map<String, Object> payload() {
        var json = new LinkedHashMap<String, Object>();
        json.put("v", 1L);
        json.put("lid", licenseId);
        json.put("iss", issuer);
        json.put("type", type);
        json.put("typeName", typeName);
        json.put("fields", fields);
        json.put("iat", issuedAt.getEpochSecond());
        json.put("exp", expiresAt.getEpochSecond());
        json.put("vf", validFrom.toString());
        if (validTo != null) json.put("vt", validTo.toString());
        json.put("sidx", statusIndex);
        json.put("nonce", nonce);
        return json;
    }

    static ShowToken read(String kid, Map<String, Object> json) throws VerificationFailure {
        if (!Long.valueOf(1L).equals(json.get("v"))) throw malformed("unknown version");
        if (!(json.get("fields") instanceof Map<?, ?> raw)) throw malformed("no fields");
        var fields = new LinkedHashMap<String, String>();
        for (var e : raw.entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String v))
                throw malformed("a field is not text");
            fields.put(k, v);
        }
        try {
            return new ShowToken(
                    kid,
                    TrustList.text(json, "lid"),
                    TrustList.text(json, "iss"),
                    TrustList.text(json, "type"),
                    TrustList.text(json, "typeName"),
                    fields,
                    Instant.ofEpochSecond(TrustList.number(json, "iat")),
                    Instant.ofEpochSecond(TrustList.number(json, "exp")),
                    LocalDate.parse(TrustList.text(json, "vf")),
                    json.containsKey("vt") ? LocalDate.parse(TrustList.text(json, "vt")) : null,
                    TrustList.number(json, "sidx"),
                    TrustList.text(json, "nonce"));
        } catch (DateTimeParseException e) {
            throw malformed("bad date");
        }
    }

    private static VerificationFailure malformed(String detail) {
        return new VerificationFailure(Outcome.MALFORMED, "token: " + detail);
    }
}
