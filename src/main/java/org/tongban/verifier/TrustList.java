package org.tongban.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The published list of issuer keys (可信发证机构公钥列表), signed by the platform's root key. A verifier pins the root
 * public key (published beside the list) and trusts the keys of a list that the root signed. Format: docs/licenses.md.
 *
 * @param sequence increases with every list the platform publishes: a verifier keeps the highest it has seen
 * @param nextUpdate when the platform will have published a newer list; a list past it is {@link #stale}
 */
public record TrustList(long sequence, Instant issuedAt, Instant nextUpdate, List<TrustedKey> keys, String rootKid) {

    /** The {@code typ} of a trust-list envelope. */
    public static final String TYPE = "TB-TRUST";

    static final int MAX_LENGTH = 4 * 1024 * 1024;

    public TrustList {
        keys = List.copyOf(keys);
    }

    /**
     * Verifies a trust list with the pinned root public key and reads it.
     *
     * @param rootSubjectPublicKeyInfo the root key as DER SubjectPublicKeyInfo ({@link Sm2#fromPem} reads the PEM)
     * @throws VerificationFailure {@link Outcome#MALFORMED} for a text that is not a trust list,
     *     {@link Outcome#INVALID_SIGNATURE} when the root did not sign it
     */
    public static TrustList verify(String text, byte[] rootSubjectPublicKeyInfo) throws VerificationFailure {
        var envelope = Compact.parse(text, TYPE, MAX_LENGTH);
        ECPublicKeyParameters root;
        try {
            root = Sm2.publicKey(rootSubjectPublicKeyInfo);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(Outcome.MALFORMED, "the root key is not an SM2 public key");
        }
        if (!Sm2.verify(root, envelope.signingInput(), envelope.signature())) {
            throw new VerificationFailure(Outcome.INVALID_SIGNATURE, "the trust list is not signed by the root key");
        }
        return read(envelope.payloadJson(), envelope.kid());
    }

    /** The key with this id, if the list holds it. */
    public Optional<TrustedKey> key(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /** Whether the list is past its next-update time: keys removed since may still be on it. */
    public boolean stale(Instant now) {
        return now.isAfter(nextUpdate);
    }

    /** How long the list is past its next-update time; zero while it is current. */
    public java.time.Duration staleBy(Instant now) {
        return stale(now) ? java.time.Duration.between(nextUpdate, now) : java.time.Duration.ZERO;
    }

    private static TrustList read(Map<String, Object> json, String rootKid) throws VerificationFailure {
        if (!(json.get("keys") instanceof List<?> entries)) throw malformed("no keys");
        var keys = new ArrayList<TrustedKey>();
        for (var entry : entries) {
            if (!(entry instanceof Map<?, ?> k)) throw malformed("a key is not an object");
            if (!Sm2.ALGORITHM.equals(k.get("alg"))) continue; // a key of an algorithm this verifier does not know
            byte[] spki;
            ECPublicKeyParameters key;
            try {
                spki = Base64.getDecoder().decode(text(k, "publicKey"));
                key = Sm2.publicKey(spki);
            } catch (IllegalArgumentException e) {
                throw malformed("a public key is not SM2");
            }
            keys.add(new TrustedKey(
                    text(k, "kid"),
                    text(k, "use"),
                    text(k, "department"),
                    text(k, "creditCode"),
                    text(k, "nameZh"),
                    text(k, "nameEn"),
                    spki,
                    key,
                    Instant.ofEpochSecond(number(k, "notBefore")),
                    Instant.ofEpochSecond(number(k, "notAfter")),
                    k.containsKey("revokedAt") ? Instant.ofEpochSecond(number(k, "revokedAt")) : null));
        }
        return new TrustList(
                number(json, "seq"),
                Instant.ofEpochSecond(number(json, "issuedAt")),
                Instant.ofEpochSecond(number(json, "nextUpdate")),
                keys,
                rootKid);
    }

    static String text(Map<?, ?> json, String name) throws VerificationFailure {
        if (!(json.get(name) instanceof String s)) throw malformed("no " + name);
        return s;
    }

    static long number(Map<?, ?> json, String name) throws VerificationFailure {
        if (!(json.get(name) instanceof Long n)) throw malformed("no " + name);
        return n;
    }

    private static VerificationFailure malformed(String detail) {
        return new VerificationFailure(Outcome.MALFORMED, "trust list: " + detail);
    }
}
