package org.tongban.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Load generator for docs/benchmarks.md, run by bench/run.sh against a running platform on loopback. Each figure
 * is printed beside a baseline measured in the same run on the same machine: the raw password-hash rate, the raw
 * ECDSA P-256 verification rate, and a static file for page latency. Bounded in count; stops by itself.
 */
public final class LoadBench {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    // One client for all virtual users: creating an HttpClient per user costs the load generator more CPU than
    // the server spends on the request. Each virtual user carries its own session cookie instead.
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoadBench(String base) {
        this.base = base;
    }

    /** One virtual user's cookie jar (session and CSRF cookies). */
    private final class Browser {
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(java.util.stream.Collectors.joining("; ")));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var cookie : response.headers().allValues("Set-Cookie")) {
                var pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return response;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> form(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        String json(String path, String csrf, String body) throws Exception {
            var response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(
                            body.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200)
                throw new IllegalStateException(path + " " + response.statusCode() + " " + response.body());
            return response.body();
        }
    }

    public static void main(String[] args) throws Exception {
        var bench = new LoadBench(args.length > 0 ? args[0] : "http://localhost:18080");
        var what = args.length > 1 ? args[1] : "all";
        if (what.equals("all") || what.equals("password")) bench.passwords();
        if (what.equals("all") || what.equals("passkey")) bench.passkeys();
        if (what.equals("all") || what.equals("portal")) bench.portal();
    }

    // --- password sign-ins against the raw hash rate ---------------------------------------------------------

    void passwords() throws Exception {
        int n = 200;
        int threads = 2;
        var encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        var hash = encoder.encode("Tongban@2026");
        Work hashOnce = () -> {
            if (!encoder.matches("Tongban@2026", hash)) throw new IllegalStateException();
        };
        // BouncyCastle's Argon2 reaches full JIT speed only after some hundreds of hashes, in this JVM and in the
        // server's: warm both up well, then take the raw rate before and after the HTTP run.
        rate(400, threads, hashOnce);
        double rawBefore = rate(n, threads, hashOnce);
        rate(300, 4, this::signInWithPassword);
        double platform = rate(n, 4, this::signInWithPassword);
        double rawAfter = rate(n, threads, hashOnce);
        double raw = (rawBefore + rawAfter) / 2;
        System.out.printf(
                Locale.ROOT,
                "password  raw Argon2id matches/s (2 threads) = %.1f (before %.1f, after %.1f)%n",
                raw,
                rawBefore,
                rawAfter);
        System.out.printf(
                Locale.ROOT,
                "password  sign-ins/s over HTTP (GET /login + POST /login, 4 clients) = %.1f  ratio = %.1f%%%n",
                platform,
                100 * platform / raw);
    }

    private void signInWithPassword() throws Exception {
        var browser = new Browser();
        var csrf = find(CSRF, browser.get("/login").body());
        var response = browser.form(
                "/login",
                "identifier=citizen&password=" + URLEncoder.encode("Tongban@2026", StandardCharsets.UTF_8) + "&_csrf="
                        + csrf);
        var location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.endsWith("/home")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    // --- passkey sign-ins -------------------------------------------------------------------------------------

    void passkeys() throws Exception {
        var authenticator = new SoftwareAuthenticator(URI.create(base).getHost(), base);
        register(authenticator);
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var data = new byte[100];
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        var signature = signer.sign();
        double raw = rate(20_000, 2, () -> {
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(data);
            if (!verifier.verify(signature)) throw new IllegalStateException();
        });
        for (int i = 0; i < 50; i++) signInWithPasskey(authenticator);
        double platform = rate(2_000, 16, () -> signInWithPasskey(authenticator));
        System.out.printf(Locale.ROOT, "passkey   raw ECDSA P-256 verifications/s (2 threads) = %.1f%n", raw);
        System.out.printf(
                Locale.ROOT,
                "passkey   sign-ins/s over HTTP (GET /login, POST options, POST /login/webauthn; 16 clients) = %.1f%n",
                platform);
    }

    private void register(SoftwareAuthenticator authenticator) throws Exception {
        var browser = new Browser();
        browser.form(
                "/login",
                "identifier=citizen2&password=" + URLEncoder.encode("Tongban@2026", StandardCharsets.UTF_8) + "&_csrf="
                        + find(CSRF, browser.get("/login").body()));
        var csrf = find(CSRF, browser.get("/account").body());
        var options = browser.json("/webauthn/register/options", csrf, "");
        var body = authenticator.registration(find(CHALLENGE, options), find(USER_ID, options), "bench");
        var result = browser.json("/webauthn/register", csrf, body);
        if (!result.contains("\"success\":true")) throw new IllegalStateException("registration refused: " + result);
    }

    private void signInWithPasskey(SoftwareAuthenticator authenticator) throws Exception {
        var browser = new Browser();
        var csrf = find(CSRF, browser.get("/login").body());
        var options = browser.json("/webauthn/authenticate/options", csrf, "");
        var result = browser.json("/login/webauthn", csrf, authenticator.assertion(find(CHALLENGE, options)));
        if (!result.contains("\"authenticated\":true"))
            throw new IllegalStateException("passkey sign-in failed: " + result);
    }

    // --- portal page latency at 100 concurrent clients ---------------------------------------------------------

    void portal() throws Exception {
        var css = latencies("/assets/css/tongban.css", 100, 100);
        var portal = latencies("/", 100, 100);
        System.out.printf(
                Locale.ROOT,
                "portal    static /assets/css/tongban.css: p50 %.1f ms, p99 %.1f ms (baseline)%n",
                css[0],
                css[1]);
        System.out.printf(
                Locale.ROOT,
                "portal    GET / (100 clients x 100 requests): p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n",
                portal[0],
                portal[1],
                portal[2]);
    }

    private double[] latencies(String path, int clients, int perClient) throws Exception {
        var client = http;
        for (int i = 0; i < 200; i++) client.send(get(path), HttpResponse.BodyHandlers.discarding());
        var all = Collections.synchronizedList(new ArrayList<Long>());
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                var unused = executor.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        var response = client.send(get(path), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200)
                            throw new IllegalStateException(path + " " + response.statusCode());
                        all.add(System.nanoTime() - t);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(all);
        Collections.sort(sorted);
        return new double[] {
            sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size() / seconds
        };
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code n} units of work on {@code threads} threads; returns units per second. */
    private static double rate(int n, int threads, Work work) throws Exception {
        var next = new AtomicInteger();
        var errors = new AtomicInteger();
        long start = System.nanoTime();
        try (var executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                var unused = executor.submit(() -> {
                    while (next.getAndIncrement() < n) {
                        try {
                            work.run();
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) e.printStackTrace();
                        }
                    }
                });
            }
        }
        if (errors.get() > 0) throw new IllegalStateException(errors.get() + " of " + n + " failed");
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    }

    private static String find(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        if (!m.find())
            throw new IllegalStateException(
                    "not found: " + pattern + " in " + text.substring(0, Math.min(200, text.length())));
        return m.group(1);
    }
}
