package org.tongban.platform.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body the guard has read (bounded and checked): the body again from memory, and for a form its
 * fields, parsed here because the server can no longer read a body that is gone. The query's parameters come
 * first, as the servlet specification orders them.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final @Nullable Map<String, String[]> parameters;

    BufferedRequest(HttpServletRequest request, byte[] body, @Nullable String form) {
        super(request);
        this.body = body;
        this.parameters = form == null ? null : merge(request.getParameterMap(), form);
    }

    private static Map<String, String[]> merge(Map<String, String[]> query, String form) {
        var all = new LinkedHashMap<String, List<String>>();
        query.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
        for (var pair : form.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            all.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
        }
        var result = new LinkedHashMap<String, String[]>();
        all.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(result);
    }

    @Override
    public ServletInputStream getInputStream() {
        var in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            /** The body is in memory already: it is all available at once, and then all read. */
            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    if (in.available() > 0) listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (java.io.IOException e) {
                    listener.onError(e);
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        var charset = getCharacterEncoding() == null
                ? StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public @Nullable String getParameter(String name) {
        if (parameters == null) return super.getParameter(name);
        var values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        if (parameters == null) return super.getParameterValues(name);
        var values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
