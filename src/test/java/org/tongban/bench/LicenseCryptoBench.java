package org.tongban.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tongban.licenses.internal.HolderKind;
import org.tongban.licenses.internal.LicenseDocument;
import org.tongban.licenses.internal.SignerCache;
import org.tongban.verifier.Compact;
import org.tongban.verifier.OfflineVerifier;
import org.tongban.verifier.ShowToken;
import org.tongban.verifier.Sm2;
import org.tongban.verifier.TrustList;

/**
 * SM2 signatures and verifications per second through Tongban's code against raw BouncyCastle, in one JMH run, on a
 * license's canonical document (about 900 bytes). Raw BouncyCastle as its documentation shows it (a signer made and
 * initialised per signature) and as a careful caller uses it (one signer per thread, reused), on BouncyCastle's custom
 * SM2 curve that Tongban uses and on the generic curve of {@code GMNamedCurves}. Each comparison runs as a JMH group:
 * Tongban's code and raw BouncyCastle on one thread each at the same time, so that both see the same load (the
 * machine is shared), and the ratio means something even when the absolute figures swing. Run by
 * {@code bench/licenses.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class LicenseCryptoBench {

    static final SecureRandom RANDOM = new SecureRandom();

    ECPrivateKeyParameters privateKey;
    ECPublicKeyParameters publicKey;
    ECPrivateKeyParameters genericPrivateKey;
    ECPublicKeyParameters genericPublicKey;
    byte[] document;
    byte[] signature;
    SignerCache ours;
    String token;
    OfflineVerifier verifier;
    Instant now;

    @State(Scope.Thread)
    public static class Reused {
        SM2Signer signer;

        @Setup
        public void setUp(LicenseCryptoBench bench) {
            signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(bench.privateKey, RANDOM));
        }
    }

    @Setup
    public void setUp() throws Exception {
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, RANDOM));
        var pair = generator.generateKeyPair();
        privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        publicKey = (ECPublicKeyParameters) pair.getPublic();
        var generic = org.bouncycastle.asn1.gm.GMNamedCurves.getByName("sm2p256v1");
        var genericDomain = new org.bouncycastle.crypto.params.ECDomainParameters(
                generic.getCurve(), generic.getG(), generic.getN(), generic.getH());
        genericPrivateKey = new ECPrivateKeyParameters(privateKey.getD(), genericDomain);
        genericPublicKey = new ECPublicKeyParameters(
                genericDomain.getCurve().decodePoint(publicKey.getQ().getEncoded(false)), genericDomain);
        document = new LicenseDocument(
                        "1.2.156.3005.2.11100000MB00010082001.11440100MB2C01020X.20260000000001.001.K",
                        "11100000MB00010082001",
                        "BUSINESS_LICENCE",
                        "营业执照",
                        "440100-SCJG",
                        "11440100MB2C01020X",
                        "广州市市场监督管理局",
                        HolderKind.ENTERPRISE,
                        "广州通办示范科技有限公司",
                        "91440106MA5D00010F",
                        "91440106MA5D00010F",
                        LocalDate.of(2026, 11, 27),
                        LocalDate.of(2026, 11, 27),
                        null,
                        Map.of(
                                "entityType",
                                "有限责任公司（自然人投资或控股）",
                                "legalRepresentative",
                                "王五",
                                "registeredCapital",
                                "500万元人民币",
                                "establishedOn",
                                "2020-06-08",
                                "address",
                                "广州市天河区天河路100号",
                                "businessScope",
                                "软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储支持服务。"),
                        null,
                        "440100-SCJG-20261127-abcdef")
                .canonical();
        ours = new SignerCache(kid -> privateKey);
        signature = ours.sign("k", document);
        now = Instant.now();
        var root = generator.generateKeyPair();
        var rootCache = new SignerCache(kid -> (ECPrivateKeyParameters) root.getPrivate());
        var entry = new LinkedHashMap<String, Object>();
        entry.put("kid", "k");
        entry.put("use", "ISSUER");
        entry.put("alg", Sm2.ALGORITHM);
        entry.put("department", "440100-SCJG");
        entry.put("creditCode", "11440100MB2C01020X");
        entry.put("nameZh", "广州市市场监督管理局");
        entry.put("nameEn", "Guangzhou AMR");
        entry.put("publicKey", Base64.getEncoder().encodeToString(Sm2.encode(publicKey)));
        entry.put("notBefore", now.minusSeconds(3600).getEpochSecond());
        entry.put("notAfter", now.plusSeconds(86400).getEpochSecond());
        var payload = Map.<String, Object>of(
                "v",
                1L,
                "seq",
                1L,
                "issuedAt",
                now.getEpochSecond(),
                "nextUpdate",
                now.plusSeconds(86400).getEpochSecond(),
                "root",
                Map.of("kid", "r"),
                "keys",
                List.of(entry));
        var trust = TrustList.verify(
                Compact.sign("r", TrustList.TYPE, payload, d -> rootCache.sign("r", d)),
                Sm2.encode((ECPublicKeyParameters) root.getPublic()));
        verifier = new OfflineVerifier(trust, null);
        var claims = new ShowToken(
                "k",
                "1.2.156.3005.2.11100000MB00010082001.11440100MB2C01020X.20260000000001.001.K",
                "440100-SCJG",
                "BUSINESS_LICENCE",
                "营业执照",
                Map.of("holderName", "广州通办示范科技有限公司", "legalRepresentative", "王*"),
                now,
                now.plusSeconds(3600),
                LocalDate.of(2026, 1, 1),
                null,
                1,
                "n");
        token = Compact.sign("k", ShowToken.TYPE, claims.payload(), d -> ours.sign("k", d));
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public byte[] rawBouncyCastleSign() throws Exception {
        var signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, RANDOM));
        signer.update(document, 0, document.length);
        return signer.generateSignature();
    }

    /** Raw BouncyCastle on the generic curve that GMNamedCurves gives, as many SM2 examples use it. */
    @Benchmark
    public byte[] rawBouncyCastleSignGenericCurve() throws Exception {
        var signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(genericPrivateKey, RANDOM));
        signer.update(document, 0, document.length);
        return signer.generateSignature();
    }

    @Benchmark
    public boolean rawBouncyCastleVerifyGenericCurve() {
        var signer = new SM2Signer();
        signer.init(false, genericPublicKey);
        signer.update(document, 0, document.length);
        return signer.verifySignature(signature);
    }

    @Benchmark
    @Group("signReused")
    @GroupThreads(1)
    public byte[] rawBouncyCastleSignReusedSigner(Reused state) throws Exception {
        state.signer.update(document, 0, document.length);
        return state.signer.generateSignature();
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public byte[] tongbanSign() {
        return ours.sign("k", document);
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public boolean rawBouncyCastleVerify() {
        var signer = new SM2Signer();
        signer.init(false, publicKey);
        signer.update(document, 0, document.length);
        return signer.verifySignature(signature);
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public boolean tongbanVerify() {
        return Sm2.verify(publicKey, document, signature);
    }

    @Benchmark
    @Group("signReused")
    @GroupThreads(1)
    public byte[] tongbanSignBesideReused() {
        return ours.sign("k", document);
    }

    @Benchmark
    public Object tongbanVerifyShowToken() {
        return verifier.verify(token, now);
    }

    /** {@code smoke}: one short iteration in one fork, to see that the benchmark runs (CI), not to measure. */
    public static void main(String[] args) throws Exception {
        JmhRun.run(LicenseCryptoBench.class, args);
    }
}
