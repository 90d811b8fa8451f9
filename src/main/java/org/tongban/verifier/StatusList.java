package org.tongban.verifier;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The published status of every license, two bits each, in the manner of the IETF Token Status List: the status of
 * the license with status index {@code i} is bits {@code 2·(i mod 4)} and {@code 2·(i mod 4)+1} of byte {@code i/4}
 * (least significant bits first). Values: {@code 0} valid, {@code 1} revoked or cancelled, {@code 2} suspended,
 * {@code 3} expired. The list is compressed with DEFLATE in the zlib format (RFC 1950) and signed by the platform's
 * {@code STATUS} key from the trust list. Format: docs/licenses.md.
 */
public final class StatusList {

    /** The {@code typ} of a status-list envelope. */
    public static final String TYPE = "TB-STATUS";

    public static final int VALID = 0;
    public static final int REVOKED = 1;
    public static final int SUSPENDED = 2;
    public static final int EXPIRED = 3;

    static final int MAX_LENGTH = 64 * 1024 * 1024;
    private static final int MAX_BYTES = 256 * 1024 * 1024;

    private final byte[] bits;
    private final long size;
    private final Instant issuedAt;
    private final Instant expiresAt;

    private StatusList(byte[] bits, long size, Instant issuedAt, Instant expiresAt) {
        this.bits = bits;
        this.size = size;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Verifies a status list against the trust list and reads it.
     *
     * @throws VerificationFailure {@link Outcome#MALFORMED}, {@link Outcome#UNKNOWN_ISSUER} (signed by a key the
     *     trust list does not hold as a status key), {@link Outcome#INVALID_SIGNATURE} or {@link Outcome#KEY_NOT_VALID}
     */
    public static StatusList verify(String text, TrustList trust, Instant now) throws VerificationFailure {
        var envelope = Compact.parse(text, TYPE, MAX_LENGTH);
        var key = trust.key(envelope.kid())
                .filter(k -> k.use().equals(TrustedKey.STATUS))
                .orElseThrow(
                        () -> new VerificationFailure(Outcome.UNKNOWN_ISSUER, "status list signed by an unknown key"));
        if (!Sm2.verify(key.publicKey(), envelope.signingInput(), envelope.signature())) {
            throw new VerificationFailure(Outcome.INVALID_SIGNATURE, "status list signature does not match");
        }
        var json = envelope.payloadJson();
        var issuedAt = Instant.ofEpochSecond(TrustList.number(json, "issuedAt"));
        if (!key.validAt(issuedAt) || !now.isBefore(key.notAfter())) {
            throw new VerificationFailure(Outcome.KEY_NOT_VALID, "status key not valid");
        }
        if (TrustList.number(json, "bits") != 2) throw new VerificationFailure(Outcome.MALFORMED, "only 2-bit lists");
        long size = TrustList.number(json, "size");
        var bits = inflate(Compact.decode(TrustList.text(json, "lst")));
        if (size < 0 || bits.length < (size + 3) / 4)
            throw new VerificationFailure(Outcome.MALFORMED, "list shorter than its size");
        return new StatusList(bits, size, issuedAt, Instant.ofEpochSecond(TrustList.number(json, "expiresAt")));
    }

    /** The status at an index: {@link #VALID}, {@link #REVOKED}, {@link #SUSPENDED}, {@link #EXPIRED}; -1 outside the list. */
    public int status(long index) {
        if (index < 0 || index >= size) return -1;
        return (bits[(int) (index / 4)] >> (int) ((index % 4) * 2)) & 3;
    }

    public long size() {
        return size;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** Whether the list is past its expiry: statuses may have changed since (the verifier should refresh it). */
    public boolean stale(Instant now) {
        return now.isAfter(expiresAt);
    }

    /** How long the list is past its expiry; zero while it is current. */
    public java.time.Duration staleBy(Instant now) {
        return stale(now) ? java.time.Duration.between(expiresAt, now) : java.time.Duration.ZERO;
    }

    /** Packs statuses (one per index, 0–3) and compresses them: what the platform publishes as {@code lst}. */
    public static byte[] pack(byte[] statuses, int count) {
        var packed = new byte[(count + 3) / 4];
        for (int i = 0; i < count; i++) packed[i / 4] |= (byte) ((statuses[i] & 3) << ((i % 4) * 2));
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(packed);
        deflater.finish();
        var out = new ByteArrayOutputStream(Math.max(64, packed.length / 8));
        var buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] compressed) throws VerificationFailure {
        var inflater = new Inflater();
        inflater.setInput(compressed);
        var out = new ByteArrayOutputStream(compressed.length * 4);
        var buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new VerificationFailure(Outcome.MALFORMED, "truncated status list");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) throw new VerificationFailure(Outcome.MALFORMED, "status list too large");
            }
        } catch (DataFormatException e) {
            throw new VerificationFailure(Outcome.MALFORMED, "status list is not zlib");
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
