package org.tongban.verifier;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/** Keys, trust lists, status lists and tokens made with raw BouncyCastle, as a test issuer would make them. */
final class VerifierTestKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    record Pair(String kid, ECPrivateKeyParameters privateKey, byte[] publicKey) {
        byte[] sign(byte[] data) {
            try {
                var signer = new SM2Signer(new SM3Digest());
                signer.init(true, Sm2.withId(new ParametersWithRandom(privateKey, RANDOM)));
                signer.update(data, 0, data.length);
                return signer.generateSignature();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Pair pair(String kid) {
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, RANDOM));
        var keys = generator.generateKeyPair();
        return new Pair(
                kid, (ECPrivateKeyParameters) keys.getPrivate(), Sm2.encode((ECPublicKeyParameters) keys.getPublic()));
    }

    static Map<String, Object> entry(Pair key, String use, String department, Instant notBefore, Instant notAfter) {
        var e = new LinkedHashMap<String, Object>();
        e.put("kid", key.kid());
        e.put("use", use);
        e.put("alg", Sm2.ALGORITHM);
        e.put("department", department);
        e.put("creditCode", "11440100MB2C01020X");
        e.put("nameZh", "测试部门");
        e.put("nameEn", "Test department");
        e.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
        e.put("notBefore", notBefore.getEpochSecond());
        e.put("notAfter", notAfter.getEpochSecond());
        return e;
    }

    static String trustList(Pair root, Instant issuedAt, List<Map<String, Object>> entries) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("v", 1L);
        payload.put("seq", 7L);
        payload.put("issuedAt", issuedAt.getEpochSecond());
        payload.put("nextUpdate", issuedAt.plusSeconds(86400).getEpochSecond());
        payload.put(
                "root",
                Map.of("kid", root.kid(), "publicKey", Base64.getEncoder().encodeToString(root.publicKey())));
        payload.put("keys", new ArrayList<>(entries));
        return Compact.sign(root.kid(), TrustList.TYPE, payload, root::sign);
    }

    static String statusList(Pair key, Instant issuedAt, byte[] statuses) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("v", 1L);
        payload.put("bits", 2L);
        payload.put("size", (long) statuses.length);
        payload.put("issuedAt", issuedAt.getEpochSecond());
        payload.put("expiresAt", issuedAt.plusSeconds(300).getEpochSecond());
        payload.put("lst", Compact.encode(StatusList.pack(statuses, statuses.length)));
        return Compact.sign(key.kid(), StatusList.TYPE, payload, key::sign);
    }

    static String token(
            Pair key, String issuer, Instant issuedAt, long seconds, java.time.LocalDate validTo, long index) {
        var claims = new ShowToken(
                key.kid(),
                "1.2.156.3005.2.11100000MB00010082001.11440100MB2C01020X.20260000000001.001.X",
                issuer,
                "BUSINESS_LICENCE",
                "营业执照",
                Map.of("holderName", "广州通办示范科技有限公司", "legalRepresentative", "王*"),
                issuedAt,
                issuedAt.plusSeconds(seconds),
                java.time.LocalDate.of(2026, 1, 1),
                validTo,
                index,
                "n0nce");
        return Compact.sign(key.kid(), ShowToken.TYPE, claims.payload(), key::sign);
    }

    private VerifierTestKeys() {}
}
