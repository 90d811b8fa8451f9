package org.tongban.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tongban.platform.RateLimits;
import org.tongban.platform.TooManyRequestsException;

/**
 * Per-address rate limits on the requests named in {@code tongban.rate-limits.per-ip} (sign-in, code sending,
 * registration, public license verification and status pages). Runs before Spring Security and Spring Session, so
 * that a refused request costs one statement: no password hash, no session row. Answers 429 with
 * {@code Retry-After}: an RFC 9457 problem to API and script callers, the localized error page to browsers. Also
 * answers so for a {@link TooManyRequestsException} thrown further down, where no MVC handler caught it (the
 * password-check cap inside Spring Security's filters).
 *
 * <p>The address is the request's remote address: behind a reverse proxy, set {@code server.forward-headers-strategy}
 * so that it is the client's, not the proxy's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    private record Rule(String name, String method, PathPattern pattern, org.tongban.platform.RateLimit limit) {}

    private final RateLimits limits;
    private final List<Rule> rules = new ArrayList<>();

    RateLimitFilter(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        var parser = new PathPatternParser();
        properties.perIp().forEach((name, rule) -> {
            for (var path : rule.paths()) {
                var parts = path.strip().split("\\s+", 2);
                if (parts.length != 2)
                    throw new IllegalArgumentException("tongban.rate-limits.per-ip." + name
                            + ": write each path as 'METHOD /path', not '" + path + "'");
                rules.add(new Rule(name, parts[0], parser.parse(parts[1]), rule.limit()));
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var rule = ruleFor(request);
        if (rule != null) {
            var address = client(request.getRemoteAddr());
            var decision = limits.hit("ip-" + rule.name(), address, rule.limit(), address);
            if (!decision.allowed()) {
                refuse(request, response, new TooManyRequestsException(decision.retryAfter()));
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            var tooMany = tooMany(e);
            if (tooMany == null || response.isCommitted()) throw e;
            response.resetBuffer();
            refuse(request, response, tooMany);
        }
    }

    /**
     * Whom to count: an IPv4 address as it is, an IPv6 address by its /64 network, since one subscriber is given a
     * whole /64 and could otherwise take a fresh address for every request.
     */
    static String client(String remoteAddress) {
        if (remoteAddress.indexOf(':') < 0) return remoteAddress;
        try {
            // A literal address: no name lookup happens.
            var bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) return remoteAddress;
            var network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private @Nullable Rule ruleFor(HttpServletRequest request) {
        var path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (var rule : rules) {
            if (rule.method().equalsIgnoreCase(request.getMethod())
                    && rule.pattern().matches(path)) return rule;
        }
        return null;
    }

    private static @Nullable TooManyRequestsException tooMany(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooManyRequestsException found) return found;
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, TooManyRequestsException e)
            throws IOException {
        long seconds = TooManyRequestsException.seconds(e.retryAfter());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (wantsPage(request)) {
            // The error page (error.html) speaks the visitor's language; the header keeps the seconds.
            response.sendError(429);
            return;
        }
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"Too many requests; try again in " + seconds
                        + " seconds.\",\"retryAfterSeconds\":"
                        + seconds + "}");
    }

    /** A browser asks for HTML; the API, the passkey script and verifier apps do not. */
    private static boolean wantsPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) return false;
        var type = request.getContentType();
        if (type != null && type.contains("json")) return false;
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("json");
    }
}
