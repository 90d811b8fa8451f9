package org.tongban.licenses.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.tongban.verifier.Sm2;

/**
 * SM2 signing with private keys held in memory. Initialised {@link SM2Signer}s are pooled per key and reused: setting
 * a signer up computes the public point from the private scalar and Z<sub>A</sub>, which costs about as much as a
 * signature, and a signer resets itself (keeping Z<sub>A</sub>) after every signature. A pool rather than a
 * thread-local, because requests run on virtual threads that live for one request. Thread-safe.
 */
public final class SignerCache {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, ECPrivateKeyParameters> loader;
    private final Map<String, ECPrivateKeyParameters> keys = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<SM2Signer>> idle = new ConcurrentHashMap<>();

    /** @param loader finds a private key the cache does not hold yet (unwrapping it from storage) */
    public SignerCache(Function<String, ECPrivateKeyParameters> loader) {
        this.loader = loader;
    }

    /** Holds a key that was just made, so that its first signature needs no look-up. */
    public void put(String kid, ECPrivateKeyParameters key) {
        keys.put(kid, key);
    }

    /** An SM2 signature (SM3, GM/T 0009 default identifier, DER) of {@code data} with the key {@code kid}. */
    public byte[] sign(String kid, byte[] data) {
        var pool = idle.computeIfAbsent(kid, k -> new ConcurrentLinkedQueue<>());
        var signer = pool.poll();
        if (signer == null) {
            signer = new SM2Signer(new SM3Digest());
            signer.init(true, Sm2.withId(new ParametersWithRandom(keys.computeIfAbsent(kid, loader), RANDOM)));
        }
        try {
            signer.update(data, 0, data.length);
            var signature = signer.generateSignature();
            pool.offer(signer);
            return signature;
        } catch (CryptoException | RuntimeException e) {
            // A signer that failed half-way is dropped rather than returned in an unknown state.
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }
}
