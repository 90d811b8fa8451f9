package org.tongban.licenses.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the addresses of the old spelling working (ADR 0018): a path with a {@code licences} segment, such as
 * {@code /verify/licences/{id}} printed as a QR code on paper copies, is sent to the same path with
 * {@code licenses}. A GET or HEAD answers 301 (permanent, cacheable); any other method 308, so that the browser
 * sends the same method and body to the new address, where the URL rules and CSRF apply as to any request (a
 * forward inside the server would have skipped them). The well-known publications answer at both spellings
 * themselves, since an offline verifier's HTTP client need not follow a redirect.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SpellingRedirects extends OncePerRequestFilter {

    private static final Pattern OLD_SEGMENT = Pattern.compile("(?<=/)licences(?=/|$)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/.well-known/") || !OLD_SEGMENT.matcher(path).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var target =
                new StringBuilder(OLD_SEGMENT.matcher(request.getRequestURI()).replaceAll("licenses"));
        if (request.getQueryString() != null) {
            target.append('?').append(request.getQueryString());
        }
        var readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        response.setStatus(readOnly ? HttpStatus.MOVED_PERMANENTLY.value() : HttpStatus.PERMANENT_REDIRECT.value());
        response.setHeader(HttpHeaders.LOCATION, target.toString());
    }
}
