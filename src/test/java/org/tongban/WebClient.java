package org.tongban;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for tests: keeps cookies (so the real Spring Session in the database is exercised), does not
 * follow redirects (so tests see where the server sends them), and picks up the CSRF token of the last page.
 */
public final class WebClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private String csrf = "";
    private String language = "zh-CN";

    public WebClient(String base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String base, CookieManager cookies) {
        this(base, cookies, false);
    }

    private WebClient(String base, CookieManager cookies, boolean behindTls) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(behindTls ? new TlsTerminated(cookies) : cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A browser that reaches the node through a TLS-terminating proxy, as in production: it sends the cookies marked
     * Secure (the production profile's session and {@code __Host-XSRF-TOKEN} cookies), which a plain-http client drops.
     */
    public static WebClient behindTls(String base) {
        return new WebClient(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), true);
    }

    /** Stores and sends cookies as if the address were https, which it is at the proxy. */
    private static final class TlsTerminated extends java.net.CookieHandler {
        private final CookieManager cookies;

        TlsTerminated(CookieManager cookies) {
            this.cookies = cookies;
        }

        private static URI https(URI uri) {
            return URI.create(uri.toString().replaceFirst("^http:", "https:"));
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                throws IOException {
            return cookies.get(https(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            cookies.put(https(uri), headers);
        }
    }

    /** The same browser (same cookies) talking to another node of the platform. */
    public WebClient at(String otherBase) {
        return new WebClient(otherBase, cookies);
    }

    /** Switches to English as a visitor would: with the language link, which sets the language cookie. */
    public WebClient english() {
        language = "en";
        get("/?lang=en");
        return this;
    }

    public record Page(int status, String body, String location) {}

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page fetched (fetch the page first, as a browser would). */
    public Page post(String path, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        var body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form whose fields may repeat (checkboxes, rows), in order, with the CSRF token of the last page. */
    public Page postAll(String path, java.util.List<Map.Entry<String, String>> form) {
        var fields = new java.util.ArrayList<>(form);
        if (fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) fields.add(Map.entry("_csrf", csrf));
        var body = fields.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form with one file, as a browser's file upload does, with the CSRF token of the last page
     * fetched as a form field.
     */
    public Page multipart(
            String path,
            Map<String, String> form,
            String fileField,
            String fileName,
            String contentType,
            byte[] content) {
        var boundary =
                "----TongbanTest" + java.util.UUID.randomUUID().toString().replace("-", "");
        var fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Page json(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Page jsonWithHeader(String method, String path, String json, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .header(header, value)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON request with these extra headers (name, value, name, value…), e.g. Idempotency-Key and X-Enterprise. */
    public Page jsonWithHeaders(
            String method, String path, @org.jspecify.annotations.Nullable String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf);
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Reads the one-time code last sent to the phone of an account, by the identifier it signs in with. Set by
     * {@code IntegrationTest} from the development SMS outbox.
     */
    public static volatile java.util.function.Function<String, String> secondFactorCodes = identifier -> {
        throw new IllegalStateException("no second factor source: extend IntegrationTest");
    };

    /**
     * Signs in with the password form; returns where the server sent the browser. A staff account, whose pages ask
     * for a second factor, then enters the code sent to its phone, as its holder would; the page returned is still
     * the answer to the password.
     */
    public Page signIn(String identifier, String password) {
        get("/login");
        var answer = post("/login", Map.of("identifier", identifier, "password", password));
        if (answer.location().equals("/home")) completeSecondFactor(identifier);
        return answer;
    }

    /** If the session still needs a second factor (a staff account), asks for the code and enters it. */
    public void completeSecondFactor(String identifier) {
        if (get("/login/second-factor").status() != 200) return;
        post("/login/second-factor/send", Map.of());
        get("/login/second-factor");
        var done = post("/login/second-factor", Map.of("code", secondFactorCodes.apply(identifier)));
        if (done.location().contains("error"))
            throw new IllegalStateException("second factor refused for " + identifier);
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(
                    request.header("Accept-Language", language)
                            .header("Accept", "text/html,application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var body = response.body();
            var meta = CSRF_META.matcher(body);
            if (meta.find()) csrf = meta.group(1);
            else {
                var input = CSRF_INPUT.matcher(body);
                if (input.find()) csrf = input.group(1);
            }
            var location = response.headers().firstValue("Location").orElse("");
            if (location.startsWith(base)) location = location.substring(base.length());
            return new Page(response.statusCode(), body, location);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
