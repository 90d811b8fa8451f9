package org.tongban.audit.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.audit.AuditManagement;

/** The auditor's view of the trail, with chain verification. Read-only: there is nothing here to change. */
@Controller
class AuditTrailController {

    private final AuditManagement audit;

    AuditTrailController(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String trail(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("entries", audit.recent(200, code == null || code.isBlank() ? null : code, null));
        model.addAttribute("code", code == null ? "" : code);
        return "audit/trail";
    }

    @PostMapping("/console/audit/verify")
    @PreAuthorize("hasAuthority('audit:read')")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        model.addAttribute("entries", audit.recent(200, null, null));
        model.addAttribute("code", "");
        return "audit/trail";
    }
}
