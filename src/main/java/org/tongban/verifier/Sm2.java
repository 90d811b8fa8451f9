package org.tongban.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * SM2 signatures as Tongban uses them (GB/T 32918.2, GM/T 0009-2012): SM3 digest over Z<sub>A</sub> ‖ message, the
 * signer's distinguishing identifier {@code 1234567812345678} (the GM/T 0009 default), signatures DER-encoded as
 * {@code SEQUENCE { r INTEGER, s INTEGER }}, public keys as X.509 SubjectPublicKeyInfo with {@code id-ecPublicKey} and
 * the named curve {@code sm2p256v1} (1.2.156.10197.1.301), as OpenSSL writes them. With these choices
 * {@code openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678} verifies what we sign.
 */
public final class Sm2 {

    /** The signer identifier (ID<sub>A</sub>) of GM/T 0009: the 16 ASCII bytes {@code 1234567812345678}. */
    public static final String DISTINGUISHING_ID = "1234567812345678";

    /** The algorithm name in Tongban's signed envelopes and trust lists. */
    public static final String ALGORITHM = "SM2-SM3";

    // BouncyCastle's custom implementation of the curve (fixed-size field arithmetic), not GMNamedCurves' generic one:
    // measured three to six times as fast for signing and verifying (docs/benchmarks.md).
    private static final X9ECParameters CURVE = CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);

    /** The SM2 domain parameters, named, so that encoded public keys carry the curve's OID. */
    public static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(
            GMObjectIdentifiers.sm2p256v1, CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private static final byte[] ID = DISTINGUISHING_ID.getBytes(StandardCharsets.US_ASCII);

    private Sm2() {}

    /** Signature parameters with the distinguishing identifier: pass to {@link SM2Signer#init} with a key. */
    public static ParametersWithID withId(org.bouncycastle.crypto.CipherParameters key) {
        return new ParametersWithID(key, ID.clone());
    }

    /**
     * Whether {@code signature} (DER) is a valid SM2 signature of {@code data} under {@code key}. False, never an
     * exception, for a signature that is not DER or does not verify.
     */
    public static boolean verify(ECPublicKeyParameters key, byte[] data, byte[] signature) {
        try {
            var signer = new SM2Signer(new SM3Digest());
            signer.init(false, withId(key));
            signer.update(data, 0, data.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a SubjectPublicKeyInfo (DER) that must hold a point on the SM2 curve.
     *
     * @throws IllegalArgumentException not a public key, or a key on another curve
     */
    public static ECPublicKeyParameters publicKey(byte[] subjectPublicKeyInfo) {
        SubjectPublicKeyInfo info;
        org.bouncycastle.crypto.params.AsymmetricKeyParameter key;
        try {
            info = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo);
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a public key", e);
        }
        if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
                || !curve.equals(GMObjectIdentifiers.sm2p256v1)
                || !(key instanceof ECPublicKeyParameters ec)) {
            throw new IllegalArgumentException("not an SM2 public key");
        }
        // The point moved onto this module's curve implementation (the factory may pick the generic one).
        return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(ec.getQ().getEncoded(false)), DOMAIN);
    }

    /** The SubjectPublicKeyInfo (DER) of a public key, with the curve named. */
    public static byte[] encode(ECPublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new ECPublicKeyParameters(key.getQ(), DOMAIN))
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an SM2 public key", e);
        }
    }

    /** A public key in PEM ({@code -----BEGIN PUBLIC KEY-----}), as OpenSSL reads it. */
    public static String pem(byte[] subjectPublicKeyInfo) {
        var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(subjectPublicKeyInfo);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * The DER bytes of a PEM public key.
     *
     * @throws IllegalArgumentException not a PEM public key
     */
    public static byte[] fromPem(String pem) {
        var text = pem.strip();
        var begin = "-----BEGIN PUBLIC KEY-----";
        var end = "-----END PUBLIC KEY-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) throw new IllegalArgumentException("not a PEM public key");
        var body = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** The domain parameters without the name, for code that builds keys itself. */
    public static ECDomainParameters domain() {
        return DOMAIN;
    }
}
