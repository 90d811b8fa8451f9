package org.tongban.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.audit.AuditResult;
import org.tongban.identity.IdentityAudit;

/**
 * A signed-in person who opens a page beyond their role sees the "not allowed" page; the attempt is audited.
 * A staff session that has proved one factor only is sent to the step-up page instead, and comes back here after.
 */
@Component
class AuditedAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditManagement audit;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    AuditedAccessDeniedHandler(AuditManagement audit) {
        this.audit = audit;
        page.setErrorPage("/denied");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        var who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && Factors.pending(who.getAuthorities())) {
            if ("GET".equals(request.getMethod())) requests.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + SecondFactorController.PATH);
            return;
        }
        audit.recordNow(new AuditRecord(
                IdentityAudit.ACCESS_DENIED,
                who == null ? null : who.getName(),
                request.getMethod() + " " + request.getRequestURI(),
                AuditResult.DENIED,
                Map.of()));
        page.handle(request, response, e);
    }
}
