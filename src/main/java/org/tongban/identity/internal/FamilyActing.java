package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.Family;
import org.tongban.identity.FamilyOutOfScopeException;
import org.tongban.identity.IdentityAudit;

/**
 * A relative acting for a family member (ADR 0043). Pages act under the grant the session switched to
 * ({@link #SESSION_KEY}, at {@code /citizen/family/act}); the API under the grant its {@value Family#HEADER} header
 * names. In the areas a grant opens (filing and following cases, the case list, the licence wallet, on pages and
 * API) the request then acts as the family member: {@code @CurrentAccount} resolves to them (the case is theirs)
 * and {@link #current()} names the relative. The grant is read again on every request; outside its scope, ended, or
 * anywhere else on the API: refused before the handler runs, audited {@code FAMILY_OUT_OF_SCOPE}, nothing written.
 * Every request done for the member is audited {@code FAMILY_ACTED} with both identities when it completes.
 */
@Component
public class FamilyActing implements HandlerInterceptor, WebMvcConfigurer {

    public static final String SESSION_KEY = "tongban.actingFor";
    static final String ATTRIBUTE = FamilyActing.class.getName();

    static final String CASE = ATTRIBUTE + ".case";

    /** The request acts for {@code principal}; {@code relative} is who acts. */
    public record Acting(UUID grant, UUID principal, UUID relative, String scope, String what) {}

    private final FamilyStore store;
    private final CurrentAccountResolver accounts;
    private final AuditManagement audit;

    FamilyActing(FamilyStore store, CurrentAccountResolver accounts, AuditManagement audit) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/citizen/**", "/api/**");
    }

    /** Who acts for whom in the current request, if a relative does. */
    public static Optional<Acting> current() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) return Optional.empty();
        return Optional.ofNullable((Acting) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** Names the case the current request's act concerned (a case filed), for the principal's activity page. */
    public static void concerns(String caseNumber) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) attributes.setAttribute(CASE, caseNumber, RequestAttributes.SCOPE_REQUEST);
    }

    static @Nullable Acting of(HttpServletRequest request) {
        return (Acting) request.getAttribute(ATTRIBUTE);
    }

    /**
     * The scope an area needs for this method, {@code NONE} for an area a relative may not use at all, null for a
     * page outside the areas (the relative's own).
     */
    static @Nullable String scopeOf(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/citizen/apply/")) return Family.CASES;
        if (under(path, "/citizen/cases") || under(path, "/api/v1/cases")) return read ? Family.RECORDS : Family.CASES;
        if (under(path, "/citizen/licenses")) return read || path.endsWith("/show") ? Family.LICENCES : "NONE";
        if (under(path, "/api/v1/licenses")) {
            return (read && under(path, "/api/v1/licenses/mine")) || path.endsWith("/show") ? Family.LICENCES : "NONE";
        }
        return path.startsWith("/api/") ? "NONE" : null;
    }

    /** What the request did, in the words of the activity page ({@code family.did.*}). */
    static String what(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.contains("/licenses")) return read ? "LICENCES" : "SHOWED";
        if (path.endsWith("/submit") || (path.equals("/api/v1/cases") && !read)) return "FILED";
        if (path.startsWith("/citizen/apply/")) return "APPLYING";
        if (path.endsWith("/withdraw")) return "WITHDREW";
        if (path.contains("/correct")) return "CORRECTED";
        return read ? "CASES" : "CASE_ACTION";
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var path = request.getRequestURI();
        boolean api = path.startsWith("/api/");
        String named;
        if (api) {
            named = request.getHeader(Family.HEADER);
        } else {
            var session = request.getSession(false);
            named = session == null ? null : (String) session.getAttribute(SESSION_KEY);
        }
        if (named == null || named.isBlank()) return true;
        var scope = scopeOf(request.getMethod(), path);
        if (scope == null) return true;
        UUID account;
        try {
            account = accounts.account();
        } catch (RuntimeException e) {
            return true; // not signed in: the URL rules answer
        }
        var what = request.getMethod() + " " + (path.length() > 200 ? path.substring(0, 200) : path);
        UUID grant;
        try {
            grant = UUID.fromString(named.strip());
        } catch (IllegalArgumentException e) {
            refuse(account, null, null, "UNKNOWN", scope, what);
            throw new AccountNotFoundException(new UUID(0, 0));
        }
        var member = store.inForce(account).stream()
                .filter(m -> m.grant().equals(grant))
                .findFirst();
        if (member.isEmpty()) {
            var known = store.of(grant, account).filter(g -> g.relative().equals(account));
            if (!api && request.getSession(false) != null) request.getSession().removeAttribute(SESSION_KEY);
            refuse(
                    account,
                    grant,
                    known.map(FamilyStore.Grant::principal).orElse(null),
                    known.isPresent() ? "ENDED" : "UNKNOWN",
                    scope,
                    what);
            if (known.isEmpty()) throw new AccountNotFoundException(grant);
            throw new FamilyOutOfScopeException("ENDED");
        }
        if (!member.get().covers(scope)) {
            refuse(account, grant, member.get().account(), "SCOPE", scope, what);
            throw new FamilyOutOfScopeException("SCOPE");
        }
        request.setAttribute(
                ATTRIBUTE, new Acting(grant, member.get().account(), account, scope, what(request.getMethod(), path)));
        return true;
    }

    private void refuse(
            UUID account, @Nullable UUID grant, @Nullable UUID principal, String reason, String scope, String what) {
        var details = new HashMap<String, String>();
        details.put("reason", reason);
        details.put("scope", scope);
        details.put("request", what);
        if (grant != null) details.put("grant", grant.toString());
        audit.recordNow(AuditRecord.denied(
                IdentityAudit.FAMILY_OUT_OF_SCOPE,
                account.toString(),
                principal == null ? what : principal.toString(),
                Map.copyOf(details)));
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        var acting = of(request);
        if (acting == null) return;
        var details = new HashMap<String, String>();
        details.put("grant", acting.grant().toString());
        details.put("relative", acting.relative().toString());
        details.put("scope", acting.scope());
        details.put("what", acting.what());
        details.put("request", request.getMethod() + " " + request.getRequestURI());
        details.put("status", Integer.toString(response.getStatus()));
        if (request.getAttribute(CASE) instanceof String number) details.put("case", number);
        var record = response.getStatus() < 400 && ex == null
                ? AuditRecord.success(
                        IdentityAudit.FAMILY_ACTED,
                        acting.relative().toString(),
                        acting.principal().toString(),
                        details)
                : AuditRecord.failure(
                        IdentityAudit.FAMILY_ACTED,
                        acting.relative().toString(),
                        acting.principal().toString(),
                        details);
        audit.recordNow(record);
    }
}
