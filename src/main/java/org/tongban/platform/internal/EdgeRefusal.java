package org.tongban.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where a request refused at the edge, before any controller, is answered: a problem document in
 * the caller's language on the API, the localized error page for a browser. Filters cannot use the controllers'
 * advices, and a second copy of their mapping would drift; this is the filters' only way out.
 */
@Component
class EdgeRefusal {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    EdgeRefusal(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** Answers {@code status} with the reason {@code detailKey} (a message key of the bundles). */
    void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException, ServletException {
        if (response.isCommitted()) return;
        var locale = locales.resolveLocale(request);
        var title = messages.getMessage("edge.title." + status.value(), null, status.getReasonPhrase(), locale);
        var detail = messages.getMessage(detailKey, null, detailKey, locale);
        // The request's remaining body is of no interest, and the connection should not wait for it.
        response.setHeader("Connection", "close");
        if (wantsJson(request)) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status.value());
            problem.put("detail", detail);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            return;
        }
        // The error page, as for any other error, but shown a request without its parameters: they are what was
        // refused, and the page's own links and filters must not trip over them again.
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setAttribute("tongban.edge.detail", detailKey);
        response.setStatus(status.value());
        request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) return true;
        var accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }

    /**
     * The refused request as the error page sees it: a GET without query string, parameters or body. A GET, so
     * that the security filters, which have not seen the request yet, show the page rather than ask a refused
     * form for its CSRF token; without a body type, so that nobody parses a broken multipart body again.
     */
    private static final class WithoutParameters extends HttpServletRequestWrapper {
        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return name.equalsIgnoreCase("Content-Type") ? null : super.getHeader(name);
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() {
            return java.util.List.of();
        }

        @Override
        public @Nullable String getQueryString() {
            return null;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }
    }
}
