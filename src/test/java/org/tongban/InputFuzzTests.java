package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.tongban.platform.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzz suite: every operation of {@code /v3/api-docs} and every form on the pages a role reaches, sent
 * malformed, oversized and hostile values (NUL, invalid UTF-8, huge strings, wrong types, bad ids, negative
 * numbers, broken JSON and multipart), signed in as several roles. No answer may be a 5xx or show a stack trace.
 * Table-driven and bounded: a fixed list of values, each operation and form a handful of times, loopback only,
 * a time budget of about a minute and a half; it reports what it covered.
 */
class InputFuzzTests extends IntegrationTest {

    private static final Duration BUDGET = Duration.ofSeconds(100);
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat [a-z]|Exception:|at org\\.|at java\\.|\\.java:\\d+\\)");

    /** Values for a path segment or query parameter, already percent-encoded where needed. */
    static final List<String> URL_VALUES = List.of(
            "%00",
            "evade%00x",
            "%ED%A0%80",
            "%E4%B8",
            "%FF%FE%FD",
            "-1",
            "99999999999999999999999",
            "00000000-0000-0000-0000-00000000000g",
            "..%2F..%2Fetc%2Fpasswd",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%27%20or%201%3D1--",
            "x".repeat(6000),
            "2026-02-30",
            "%20");

    /** JSON values for every property of a request body, and whole bodies that are no JSON at all. */
    static final List<String> JSON_VALUES = List.of(
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"" + "长".repeat(200_000) + "\"",
            "-1",
            "1e309",
            "-9223372036854775809",
            "true",
            "[]",
            "{}",
            "null",
            "\"not-a-uuid\"",
            "\"2026-13-45\"",
            "\"\\ud800\"",
            "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]");

    static final List<String> BROKEN_BODIES =
            List.of("{", "[", "{\"a\":", "nul", "\"", "{\"a\":1}}", "", "[]", "{\"a\":\"\\u0000\"}", "123");

    /** Values for a form field (the client encodes them), and the contents of uploaded files. */
    static final List<String> FORM_VALUES = List.of(
            "a\u0000b",
            "\ud800",
            "x".repeat(20_000),
            "-1",
            "00000000-0000-0000-0000-00000000000g",
            "<script>alert(1)</script>",
            "2026-02-30",
            "9".repeat(40),
            " ");

    static final List<byte[]> FILES = List.of(
            new byte[0],
            "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0},
            "MZ\0\0".getBytes(StandardCharsets.ISO_8859_1));

    /** Forms that end the session or take away what other tests stand on; their inputs are covered by the API. */
    private static final List<String> SKIPPED_ACTIONS =
            List.of("/logout", "/sign-out-everywhere", "/passkeys/delete", "/staff/withdraw", "/calendar/remove");

    private static final List<String> ROLES =
            List.of("citizen2", "enterprise", "hrofficial", "manager", "operator", "auditor");

    private final List<String> failures = new ArrayList<>();
    private int requests;
    private Instant deadline = Instant.MAX;

    @Test
    void noHostileInputDrawsAServerErrorOrAStackTrace() {
        deadline = Instant.now().plus(BUDGET);
        var docs = JsonMapper.builder()
                .build()
                .readTree(new WebClient(BASE).get("/v3/api-docs").body());
        var operations = operations(docs);
        assertThat(operations).hasSizeGreaterThan(20);

        rawBytes(operations);
        var anonymous = new WebClient(BASE);
        anonymous.get("/");
        walkApi(anonymous, operations, 0);
        walkForms(anonymous, "anonymous");
        for (int r = 0; r < ROLES.size(); r++) {
            var web = signedIn(ROLES.get(r));
            web.get("/");
            walkApi(web, operations, r + 1);
            walkForms(web, ROLES.get(r));
        }
        System.out.printf(
                "Input fuzz: %d requests over %d operations and the forms of %d roles%s%n",
                requests,
                operations.size(),
                ROLES.size() + 1,
                Instant.now().isAfter(deadline) ? " (time budget reached)" : "");
        assertThat(failures).as("server errors or stack traces").isEmpty();
    }

    record Operation(
            String method,
            String path,
            List<String> pathParams,
            List<String> queryParams,
            List<String> bodyProperties,
            boolean json,
            boolean multipart,
            boolean idempotent) {}

    private static List<Operation> operations(JsonNode docs) {
        var list = new ArrayList<Operation>();
        for (var path : docs.get("paths").propertyNames()) {
            var item = docs.get("paths").get(path);
            for (var method : List.of("get", "post", "put", "patch", "delete")) {
                var op = item.get(method);
                if (op == null) continue;
                var pathParams = new ArrayList<String>();
                var queryParams = new ArrayList<String>();
                boolean idempotent = false;
                if (op.has("parameters")) {
                    for (var p : op.get("parameters")) {
                        var name = p.get("name").asString();
                        switch (p.get("in").asString()) {
                            case "path" -> pathParams.add(name);
                            case "query" -> queryParams.add(name);
                            case "header" -> idempotent |= name.equalsIgnoreCase("Idempotency-Key");
                            default -> {}
                        }
                    }
                }
                var content = op.path("requestBody").path("content");
                boolean multipart = content.has("multipart/form-data");
                boolean json = content.has("application/json");
                var properties = new ArrayList<String>();
                var schema = json
                        ? content.get("application/json").path("schema")
                        : content.path("multipart/form-data").path("schema");
                if (schema.has("$ref"))
                    schema = docs.at(schema.get("$ref").asString().substring(1));
                for (var name : schema.path("properties").propertyNames()) properties.add(name);
                list.add(new Operation(
                        method.toUpperCase(Locale.ROOT),
                        path,
                        pathParams,
                        queryParams,
                        properties,
                        json,
                        multipart,
                        idempotent));
            }
        }
        return list;
    }

    /** Bytes no client library sends: invalid UTF-8 and NUL in the request line, headers and bodies. */
    private void rawBytes(List<Operation> operations) {
        var bodies = List.of(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE});
        for (var op : operations) {
            if (out()) return;
            var path = fill(op.path(), "%ED%A0%80");
            check(
                    "raw " + op.method() + " " + path,
                    RawHttp.send(
                            PORT,
                            ascii(op.method() + " " + path + " HTTP/1.1\r\n"
                                    + "Host: localhost\r\nAccept: application/json\r\nConnection: close"),
                            new byte[0]));
            if (op.json()) {
                for (var body : bodies) {
                    check(
                            "raw body " + op.path(),
                            RawHttp.send(
                                    PORT,
                                    ascii(op.method() + " " + fill(op.path(), "x")
                                            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                                            + body.length + "\r\nConnection: close"),
                                    body));
                }
            }
            if (op.idempotent()) {
                var head = new java.io.ByteArrayOutputStream();
                head.writeBytes(
                        ascii(
                                op.method() + " " + fill(op.path(), "x") + " HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\nIdempotency-Key: "));
                head.writeBytes(new byte[] {(byte) 0xE4, (byte) 0xB8, (byte) 0xAD, (byte) 0xFF});
                check("raw key " + op.path(), RawHttp.send(PORT, head.toByteArray(), ascii("{}")));
            }
        }
    }

    /** Each operation with a rotating share of the values, so that across the roles every value meets every one. */
    private void walkApi(WebClient web, List<Operation> operations, int round) {
        for (var op : operations) {
            for (int i = 0; i < 3; i++) {
                if (out()) return;
                var value = URL_VALUES.get((round * 3 + i + op.path().length()) % URL_VALUES.size());
                var query = op.queryParams().isEmpty()
                        ? ""
                        : "?"
                                + String.join(
                                        "&",
                                        op.queryParams().stream()
                                                .map(q -> q + "=" + value)
                                                .toList());
                var path = fill(op.path(), value) + query;
                if (op.json()) {
                    check(op.method() + " " + path, web.json(op.method(), path, "{}"));
                } else if (op.multipart()) {
                    var fields = new LinkedHashMap<String, String>();
                    var fieldValue = FORM_VALUES.get(i);
                    op.bodyProperties().stream().filter(p -> !p.equals("file")).forEach(p -> fields.put(p, fieldValue));
                    check(
                            "multipart " + path,
                            web.multipart(
                                    path,
                                    fields,
                                    "file",
                                    "a\u0000.pdf",
                                    "application/pdf",
                                    FILES.get((round + i) % FILES.size())));
                } else {
                    check(op.method() + " " + path, web.json(op.method(), path, null));
                }
            }
            if (op.json()) {
                var plain = fill(op.path(), "x");
                for (int i = 0; i < 3; i++) {
                    if (out()) return;
                    var value = JSON_VALUES.get((round * 3 + i) % JSON_VALUES.size());
                    var body = new StringBuilder("{");
                    // An oversized value goes into one property only: in every property of a large body it passes
                    // Tomcat's 2 MB limit on what it reads of a refused request, and Tomcat then drops the connection.
                    boolean oversized = value.length() > 10_000;
                    for (var p : op.bodyProperties()) {
                        boolean first = body.length() == 1;
                        body.append(first ? "" : ",")
                                .append('"')
                                .append(p)
                                .append("\":")
                                .append(oversized && !first ? "null" : value);
                    }
                    check(
                            op.method() + " " + plain + " " + abbreviate(value),
                            web.json(op.method(), plain, body.append('}').toString()));
                    var broken = BROKEN_BODIES.get((round * 3 + i) % BROKEN_BODIES.size());
                    check(op.method() + " " + plain + " broken " + broken, web.json(op.method(), plain, broken));
                }
            }
            if (op.idempotent()) {
                for (var key : List.of(" ", "x".repeat(500), "a b")) {
                    check(
                            "key " + op.path(),
                            web.jsonWithHeader(op.method(), fill(op.path(), "x"), "{}", "Idempotency-Key", key));
                }
            }
        }
    }

    /** The pages a role reaches from its start pages, one link deep, and every form on them with hostile values. */
    private void walkForms(WebClient web, String role) {
        var pages = new LinkedHashSet<String>(List.of(
                "/",
                "/citizen",
                "/business",
                "/office",
                "/console",
                "/account",
                "/messages",
                "/verify",
                "/register",
                "/login",
                "/services"));
        var seenForms = new LinkedHashSet<String>();
        var queue = new ArrayList<>(pages);
        for (int i = 0; i < queue.size() && i < 40; i++) {
            if (out()) return;
            var page = web.get(queue.get(i));
            check(role + " GET " + queue.get(i), page);
            if (page.status() != 200) continue;
            alteredPaths(web, role, queue.get(i));
            var doc = Jsoup.parse(page.body(), BASE);
            for (var a : doc.select("a[href]")) {
                var href = a.attr("href");
                if (href.startsWith("/")
                        && !href.startsWith("//")
                        && !href.contains("logout")
                        && pages.add(href.split("#")[0])) {
                    queue.add(href.split("#")[0]);
                }
            }
            for (var form : doc.select("form")) {
                var action = form.attr("action").isEmpty() ? queue.get(i) : form.attr("action");
                if (!action.startsWith("/") || SKIPPED_ACTIONS.stream().anyMatch(action::contains)) continue;
                var names = new ArrayList<String>();
                boolean visible = false;
                String fileField = null;
                for (var field : form.select("input[name], select[name], textarea[name]")) {
                    var type = field.attr("type");
                    if (field.attr("name").equals("_csrf")) continue;
                    if (type.equals("file")) {
                        fileField = field.attr("name");
                        visible = true;
                        continue;
                    }
                    names.add(field.attr("name"));
                    visible |= !type.equals("hidden") && !type.equals("submit");
                }
                if (!visible
                        || !seenForms.add(form.attr("method") + " " + action.replaceAll("[0-9a-f-]{8,}", "*") + names))
                    continue;
                submit(web, role, queue.get(i), form.attr("method"), action, names, fileField);
            }
        }
    }

    /** A page's address with its last segment (an id, a code, a number) replaced by one that names nothing. */
    private void alteredPaths(WebClient web, String role, String path) {
        var bare = path.split("\\?")[0];
        int slash = bare.lastIndexOf('/');
        if (slash <= 0) return;
        for (var value : List.of("does-not-exist", "00000000-0000-0000-0000-000000000000", "-1", "%00", "%ED%A0%80")) {
            if (out()) return;
            var altered = bare.substring(0, slash + 1) + value;
            if (triedPaths.add(altered.replaceAll("^/[^/]+/", "/"))) check(role + " GET " + altered, web.get(altered));
        }
        if (path.contains("?")) {
            check(role + " GET " + bare + "?%ED%A0%80", web.get(bare + "?q=%ED%A0%80&page=-1&size=99999999999"));
        }
    }

    private final Set<String> triedPaths = new java.util.HashSet<>();

    private void submit(
            WebClient web,
            String role,
            String page,
            String method,
            String action,
            List<String> names,
            String fileField) {
        if (!method.equalsIgnoreCase("get")) {
            // A form that leaves out its fields, all or half of them, as a hand-made request would.
            for (int keep : new int[] {0, names.size() / 2}) {
                if (out()) return;
                var fields = new LinkedHashMap<String, String>();
                names.stream().limit(keep).forEach(n -> fields.put(n, "1"));
                web.get(page);
                check(
                        role + " POST " + action + " with " + keep + " of " + names.size() + " fields",
                        web.post(action, fields));
            }
        }
        for (int v = 0; v < FORM_VALUES.size(); v++) {
            if (out()) return;
            var value = FORM_VALUES.get(v);
            var fields = new LinkedHashMap<String, String>();
            names.forEach(n -> fields.put(n, value));
            if (method.equalsIgnoreCase("get")) {
                var query = String.join(
                        "&", names.stream().map(n -> enc(n) + "=" + enc(value)).toList());
                check(role + " GET form " + action, web.get(action + (action.contains("?") ? "&" : "?") + query));
                continue;
            }
            web.get(page);
            if (fileField != null) {
                check(
                        role + " upload " + action,
                        web.multipart(
                                action,
                                fields,
                                fileField,
                                value.length() > 100 ? "a.pdf" : value + ".pdf",
                                "application/pdf",
                                FILES.get(v % FILES.size())));
            } else {
                check(role + " POST " + action + " " + abbreviate(value), web.post(action, fields));
            }
        }
    }

    private void check(String what, WebClient.Page page) {
        check(what, page.status(), page.body());
    }

    private void check(String what, RawHttp.Answer answer) {
        check(what, answer.status(), answer.body());
    }

    private void check(String what, int status, String body) {
        requests++;
        if (status >= 500 || status < 0) failures.add(status + " " + abbreviate(what));
        else if (STACK_TRACE.matcher(body).find()) failures.add("stack trace " + status + " " + abbreviate(what));
    }

    private boolean out() {
        return Instant.now().isAfter(deadline);
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
