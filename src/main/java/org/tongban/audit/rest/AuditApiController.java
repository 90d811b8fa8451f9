package org.tongban.audit.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.audit.AuditEntryView;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.ChainVerification;

/** The audit trail for the auditor: entries, and verification of the SM3 chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApiController {

    private final AuditManagement audit;

    AuditApiController(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    @Operation(summary = "Re-compute the hash chain and report the first broken link")
    @PreAuthorize("hasAuthority('audit:read')")
    ChainVerification verify() {
        return audit.verify();
    }

    @GetMapping("/events")
    @Operation(summary = "The newest audit entries, optionally of one code or actor")
    @PreAuthorize("hasAuthority('audit:read')")
    List<AuditEntryView> events(
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String actor) {
        return audit.recent(limit, code, actor);
    }
}
