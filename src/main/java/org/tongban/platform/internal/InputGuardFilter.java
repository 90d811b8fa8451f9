package org.tongban.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses hostile input at the edge, before any filter or controller reads it: a NUL character or invalid UTF-8
 * (an encoded surrogate such as {@code %ED%A0%80}) in the path, the query, a header, a form or multipart field or
 * a JSON body answers 400; a body over the limit (1 MiB) answers 413 however it is sent, chunked included, since
 * the stream itself is bounded, not the {@code Content-Length}. PostgreSQL cannot store a NUL, so one that got
 * past here failed an insert after the work was done (the audit of a read, for one). Multipart uploads keep their
 * own, larger limits (spring.servlet.multipart), but a broken multipart body is refused here too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputGuardFilter extends OncePerRequestFilter {

    /** The longest Idempotency-Key accepted: a UUID needs 36, and the cases module stores at most 100. */
    static final int MAX_IDEMPOTENCY_KEY = 100;

    private final long maxBytes;
    private final EdgeRefusal refusal;

    InputGuardFilter(@Value("${tongban.api.max-body-bytes}") long maxBytes, EdgeRefusal refusal) {
        this.maxBytes = maxBytes;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var query = request.getQueryString();
        if (!CleanText.encoded(request.getRequestURI(), false) || (query != null && !CleanText.encoded(query, true))) {
            refusal.refuse(request, response, HttpStatus.BAD_REQUEST, "edge.badUrl");
            return;
        }
        var badHeader = badHeader(request);
        if (badHeader != null) {
            refusal.refuse(request, response, HttpStatus.BAD_REQUEST, badHeader);
            return;
        }
        var type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            var refused = MultipartCheck.check(request);
            if (refused != null) {
                refusal.refuse(request, response, refused.status(), refused.detailKey());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refusal.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "edge.tooLarge");
            return;
        }
        // Read the body once, bounded, whatever the Content-Length claims: a chunked body has none.
        var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refusal.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "edge.tooLarge");
            return;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            var form = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!CleanText.encoded(form, true)) {
                refusal.refuse(request, response, HttpStatus.BAD_REQUEST, "edge.badText");
                return;
            }
            chain.doFilter(new BufferedRequest(request, body, form), response);
            return;
        }
        if (textual(type) && !CleanText.utf8(body, type.contains("json"))) {
            refusal.refuse(request, response, HttpStatus.BAD_REQUEST, "edge.badText");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body, null), response);
    }

    /** Headers reach logs, the database and the idempotency store: no control characters in any of them. */
    private static @org.jspecify.annotations.Nullable String badHeader(HttpServletRequest request) {
        var names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            var name = names.nextElement();
            var values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                var value = values.nextElement();
                if (!CleanText.headerValue(value)) return "edge.badHeader";
                if (name.equalsIgnoreCase("Idempotency-Key") && !CleanText.token(value, MAX_IDEMPOTENCY_KEY)) {
                    return "edge.badIdempotencyKey";
                }
            }
        }
        return null;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean textual(String type) {
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
