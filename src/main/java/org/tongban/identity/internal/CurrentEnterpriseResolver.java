package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseNotFoundException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Enterprises;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;

/**
 * Resolves {@link CurrentEnterprise} (ADR 0030): pages read the session's current enterprise, the API reads the
 * {@code X-Enterprise} header; either way the caller's grants are read again on every request.
 */
@Component
public class CurrentEnterpriseResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The session attribute holding the current enterprise's credit code. */
    public static final String SESSION_KEY = "tongban.currentEnterprise";

    private final Enterprises enterprises;
    private final CurrentAccountResolver accounts;
    private final org.tongban.audit.AuditManagement audit;

    CurrentEnterpriseResolver(
            Enterprises enterprises, CurrentAccountResolver accounts, org.tongban.audit.AuditManagement audit) {
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentEnterprise.class)
                && parameter.getParameterType() == EnterpriseView.class;
    }

    @Override
    public @Nullable EnterpriseView resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        var annotation = parameter.getParameterAnnotation(CurrentEnterprise.class);
        boolean required = annotation == null || annotation.required();
        var servlet = request.getNativeRequest(HttpServletRequest.class);
        var current = servlet == null ? null : current(accounts.account(), servlet, required);
        if (current == null && required) throw new EnterpriseNotFoundException("current");
        return current;
    }

    /**
     * The enterprise of this request for this account, or null when it acts for none.
     *
     * @throws EnterpriseNotFoundException when the API header names one the account may not act for
     * @throws InvalidInputException when an API caller acting for several names none
     */
    public @Nullable EnterpriseView current(UUID account, HttpServletRequest request) {
        return current(account, request, true);
    }

    /**
     * As {@link #current(UUID, HttpServletRequest)}; when not {@code required}, an API caller acting for several who
     * names none gets null (the handler decides whether it needs one, as filing in the citizen channel does not).
     */
    public @Nullable EnterpriseView current(UUID account, HttpServletRequest request, boolean required) {
        if (request.getRequestURI().startsWith("/api/")) {
            var header = request.getHeader(CurrentEnterprise.HEADER);
            if (header == null || header.isBlank()) {
                var all = enterprises.actingFor(account);
                if (all.size() > 1 && !required) return null;
                if (all.size() > 1)
                    throw InvalidInputException.of(CurrentEnterprise.HEADER, "enterprise.header.required");
                return all.isEmpty() ? null : all.getFirst();
            }
            var code = header.strip().toUpperCase(Locale.ROOT);
            var named = enterprises.actingFor(account, code);
            if (named.isEmpty()) {
                // Another's enterprise is not found; the attempt is on the trail (subject: the request).
                audit.recordNow(AuditRecord.denied(
                        IdentityAudit.ACCESS_DENIED,
                        account.toString(),
                        request.getMethod() + " " + request.getRequestURI(),
                        java.util.Map.of(
                                "reason",
                                "ENTERPRISE_NOT_HELD",
                                "enterprise",
                                code.length() > 18 ? code.substring(0, 18) : code)));
                throw new EnterpriseNotFoundException(code);
            }
            return named.get();
        }
        var all = enterprises.actingFor(account);
        if (all.isEmpty()) return null;
        var session = request.getSession(false);
        var held = session == null ? null : session.getAttribute(SESSION_KEY);
        // A grant revoked or expired since the switch: back to the first enterprise still held.
        var chosen = all.stream()
                .filter(e -> e.creditCode().equals(held))
                .findFirst()
                .orElse(all.getFirst());
        if (!chosen.creditCode().equals(held)) request.getSession().setAttribute(SESSION_KEY, chosen.creditCode());
        return chosen;
    }

    /**
     * Makes this enterprise the session's current one.
     *
     * @throws EnterpriseNotFoundException unless the account may act for it now
     */
    public EnterpriseView switchTo(UUID account, String creditCode, HttpServletRequest request) {
        var chosen = enterprises
                .actingFor(account, creditCode.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new EnterpriseNotFoundException(creditCode));
        request.getSession().setAttribute(SESSION_KEY, chosen.creditCode());
        return chosen;
    }
}
