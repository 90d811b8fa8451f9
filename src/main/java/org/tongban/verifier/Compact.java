package org.tongban.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Tongban's compact signed envelope: {@code BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature)}, the
 * shape of a JWS compact serialization (RFC 7515). Header and payload are canonical JSON ({@link Json}); the
 * signature is SM2 with SM3 ({@link Sm2}), DER-encoded, over the ASCII bytes of {@code header "." payload} exactly as
 * transmitted. The header is {@code {"alg":"SM2-SM3","kid":"…","typ":"…"}}. {@code SM2-SM3} is not a registered JOSE
 * algorithm and the signature is DER rather than JOSE's fixed-length r‖s, so JOSE libraries will not verify it;
 * OpenSSL does (docs/licenses.md).
 *
 * <p>Base64url is strict: no padding, no other characters, and the canonical encoding only (a last character with
 * stray low bits would otherwise let two texts carry one signature).
 */
public record Compact(
        String headerText,
        String payloadText,
        String signatureText,
        Map<String, Object> header,
        byte[] payload,
        byte[] signature) {

    private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The bytes that were signed: {@code header "." payload} in ASCII. */
    public byte[] signingInput() {
        return (headerText + "." + payloadText).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header's key id. */
    public String kid() {
        return header.get("kid") instanceof String kid ? kid : "";
    }

    /** The header's type. */
    public String typ() {
        return header.get("typ") instanceof String typ ? typ : "";
    }

    /**
     * Splits and decodes an envelope; does not verify the signature.
     *
     * @throws VerificationFailure {@link Outcome#MALFORMED} for anything that is not an envelope of {@code typ},
     *     longer than {@code maxLength}, or whose header is not {@code SM2-SM3}
     */
    public static Compact parse(String text, String typ, int maxLength) throws VerificationFailure {
        if (text == null) throw malformed("empty");
        var s = text.strip();
        if (s.isEmpty() || s.length() > maxLength) throw malformed("empty or too long");
        var parts = s.split("\\.", -1);
        if (parts.length != 3) throw malformed("not three parts");
        var header = decode(parts[0]);
        var payload = decode(parts[1]);
        var signature = decode(parts[2]);
        Map<String, Object> headerJson;
        try {
            headerJson = Json.parseObject(header);
        } catch (IllegalArgumentException e) {
            throw malformed("header is not JSON");
        }
        if (!Sm2.ALGORITHM.equals(headerJson.get("alg"))) throw malformed("unsupported algorithm");
        if (!typ.equals(headerJson.get("typ"))) throw malformed("not a " + typ);
        if (!(headerJson.get("kid") instanceof String kid) || kid.isBlank()) throw malformed("no key id");
        return new Compact(parts[0], parts[1], parts[2], headerJson, payload, signature);
    }

    /** The payload as a JSON object. */
    public Map<String, Object> payloadJson() throws VerificationFailure {
        try {
            return Json.parseObject(payload);
        } catch (IllegalArgumentException e) {
            throw malformed("payload is not JSON");
        }
    }

    /**
     * Writes an envelope: canonical header and payload, signed by {@code signer} (which returns a DER SM2 signature
     * of the bytes it is given).
     */
    public static String sign(String kid, String typ, Map<String, ?> payload, UnaryOperator<byte[]> signer) {
        var header = ENCODER.encodeToString(Json.canonicalBytes(Map.of("alg", Sm2.ALGORITHM, "kid", kid, "typ", typ)));
        var body = ENCODER.encodeToString(Json.canonicalBytes(payload));
        var input = (header + "." + body).getBytes(StandardCharsets.US_ASCII);
        return header + "." + body + "." + ENCODER.encodeToString(signer.apply(input));
    }

    /** Strict base64url without padding. */
    public static byte[] decode(String part) throws VerificationFailure {
        if (part.isEmpty() || !BASE64URL.matcher(part).matches()) throw malformed("not base64url");
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("not base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(part)) throw malformed("non-canonical base64url");
        return bytes;
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    private static VerificationFailure malformed(String detail) {
        return new VerificationFailure(Outcome.MALFORMED, detail);
    }
}
