package org.tongban.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real department system over HTTP: {@code GET {baseUrl}/records/{subject}?fields=a,b} answering a JSON object of
 * field to value, 404 when it holds no record. The exchange keeps only the fields it asked for, whatever the system
 * sends. A failure of the system is a failure of the call (never an empty success).
 */
final class RestSource implements SourceSystem {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String code;
    private final String department;
    private final SubjectKind kind;
    private final URI baseUrl;
    private final List<SourceField> fields;
    private final HttpClient http;
    private final Duration timeout;

    RestSource(
            String code, String department, SubjectKind kind, URI baseUrl, List<SourceField> fields, Duration timeout) {
        this.code = code;
        this.department = department;
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.fields = List.copyOf(fields);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String department() {
        return department;
    }

    @Override
    public SubjectKind subjectKind() {
        return kind;
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public Optional<Map<String, String>> read(String subject, Set<String> wanted) {
        var asked =
                fields.stream().map(SourceField::code).filter(wanted::contains).toList();
        var base = baseUrl.toString().replaceAll("/+$", "");
        var uri = URI.create(base + "/records/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "?fields="
                + URLEncoder.encode(String.join(",", asked), StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceUnavailableException(code, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException(code, e);
        }
        if (response.statusCode() == 404) return Optional.empty();
        if (response.statusCode() != 200) throw new SourceUnavailableException(code, null);
        var tree = JSON.readTree(response.body());
        if (tree == null || !tree.isObject()) throw new SourceUnavailableException(code, null);
        var row = new LinkedHashMap<String, String>();
        for (var f : asked) {
            var v = tree.get(f);
            row.put(f, v == null || v.isNull() ? "" : v.asString());
        }
        return Optional.of(row);
    }
}
