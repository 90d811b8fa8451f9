package org.tongban.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.tongban.licenses.internal.SignerCache;
import org.tongban.verifier.Compact;
import org.tongban.verifier.OfflineVerifier;
import org.tongban.verifier.Outcome;
import org.tongban.verifier.ShowToken;
import org.tongban.verifier.Sm2;
import org.tongban.verifier.TrustList;

/**
 * Health-code verification on 2 threads, in-process: the platform's online check of a live health code (the
 * verifier's checks against the trust list: base64url, JSON, SM2 signature, issuer key, time window; then the health
 * code's register, which for a live code is no database read), against raw SM2 verification of the same bytes in the
 * same run. Not over HTTP: see docs/benchmarks.md. Run by {@code bench/healthcode.sh [seconds|smoke]}.
 */
public final class HealthCodeBench {

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        int seconds = smoke ? 3 : (args.length > 0 ? Integer.parseInt(args[0]) : 20);
        int threads = 2;
        var random = new SecureRandom();
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, random));
        var health = generator.generateKeyPair();
        var root = generator.generateKeyPair();
        var signer = new SignerCache(
                kid -> (ECPrivateKeyParameters) (kid.equals("r") ? root.getPrivate() : health.getPrivate()));
        var now = Instant.now();
        var entry = new LinkedHashMap<String, Object>();
        entry.put("kid", "wj");
        entry.put("use", "ISSUER");
        entry.put("alg", Sm2.ALGORITHM);
        entry.put("department", "440100-WJ");
        entry.put("creditCode", "11440100MB2C01040X");
        entry.put("nameZh", "广州市卫生健康委员会");
        entry.put("nameEn", "Guangzhou Health Commission");
        entry.put("publicKey", Base64.getEncoder().encodeToString(Sm2.encode((ECPublicKeyParameters)
                health.getPublic())));
        entry.put("notBefore", now.minusSeconds(3600).getEpochSecond());
        entry.put("notAfter", now.plusSeconds(86400).getEpochSecond());
        var trust = TrustList.verify(
                Compact.sign(
                        "r",
                        TrustList.TYPE,
                        Map.of(
                                "v", 1L,
                                "seq", 1L,
                                "issuedAt", now.getEpochSecond(),
                                "nextUpdate", now.plusSeconds(86400).getEpochSecond(),
                                "root", Map.of("kid", "r"),
                                "keys", List.of(entry)),
                        d -> signer.sign("r", d)),
                Sm2.encode((ECPublicKeyParameters) root.getPublic()));
        var verifier = new OfflineVerifier(trust, null, java.time.Duration.ofSeconds(2));
        var claims = new ShowToken(
                "wj",
                "HC-0123456789abcdef01234567",
                "440100-WJ",
                "HEALTH_CODE",
                "健康码",
                Map.of(
                        "name", "张*",
                        "idNumber", "440106********1234",
                        "status", "绿码",
                        "reason", "无风险记录",
                        "checkedAt", now.toString()),
                now,
                now.plusSeconds(3600),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                null,
                -1,
                "nonce");
        var token = Compact.sign("wj", ShowToken.TYPE, claims.payload(), d -> signer.sign("wj", d));
        var envelope = Compact.parse(token, ShowToken.TYPE, ShowToken.MAX_LENGTH);
        var input = envelope.signingInput();
        var signature = envelope.signature();
        var publicKey = (ECPublicKeyParameters) health.getPublic();

        Callable<Boolean> online = () -> {
            var v = verifier.verifyWithoutStatus(token, Instant.now());
            // The health code's register: a live code (HC-…) needs no look-up.
            return v.outcome() == Outcome.VALID
                    && v.token().type().equals("HEALTH_CODE")
                    && v.token().licenseId().startsWith("HC-");
        };
        Callable<Boolean> raw = () -> Sm2.verify(publicKey, input, signature);
        System.out.println("health-code verification, " + threads + " threads, " + seconds + " s each"
                + (smoke ? " (smoke: that it runs, not a measurement)" : ""));
        rate("warm-up", online, threads, smoke ? 1 : 5);
        double r = rate("raw SM2 verify (baseline)", raw, threads, seconds);
        double o = rate("health-code online check (verifier + register)", online, threads, seconds);
        System.out.printf("ratio online / raw: %.0f %%%n", 100 * o / r);
        System.out.printf("nodes of this size for 23,000 verifications/s at this rate: %.1f%n", 23_000 / o);
    }

    static double rate(String name, Callable<Boolean> call, int threads, int seconds) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        var count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    if (!call.call()) throw new IllegalStateException(name + " failed");
                    n++;
                }
                count.addAndGet(n);
                return null;
            });
        }
        long t0 = System.nanoTime();
        for (var f : pool.invokeAll(tasks)) f.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        double rate = count.get() / elapsed;
        System.out.printf("%s: %,d in %.1f s, %,.0f /s%n", name, count.get(), elapsed, rate);
        return rate;
    }
}
