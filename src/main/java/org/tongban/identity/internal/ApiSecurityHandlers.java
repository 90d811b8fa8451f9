package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.audit.AuditResult;
import org.tongban.identity.IdentityAudit;

/** The API's 401 and 403: RFC 9457 problem details, localized, never a login page or a stack trace. */
@Component
class ApiSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final AuditManagement audit;

    ApiSecurityHandlers(MessageSource messages, AuditManagement audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var who = SecurityContextHolder.getContext().getAuthentication();
        audit.recordNow(new AuditRecord(
                IdentityAudit.ACCESS_DENIED,
                who == null ? null : who.getName(),
                request.getMethod() + " " + request.getRequestURI(),
                AuditResult.DENIED,
                Map.of()));
        write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        var locale = localeOf(request);
        var title = messages.getMessage(key + ".title", null, locale);
        var detail = messages.getMessage(key + ".detail", null, locale);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
                        + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    private static java.util.Locale localeOf(HttpServletRequest request) {
        try {
            return RequestContextUtils.getLocale(request);
        } catch (IllegalStateException e) {
            return LocaleContextHolder.getLocale();
        }
    }

    private static String json(String s) {
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
