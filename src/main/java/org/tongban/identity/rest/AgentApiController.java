package org.tongban.identity.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.internal.AgentGrants;
import org.tongban.shared.CurrentAccount;

/**
 * The agents (经办人) of the enterprise the request acts for ({@code X-Enterprise}), for its legal representative
 * (ADR 0031). Granting needs the passkey ceremony of the browser; listing and revoking do not.
 */
@RestController
@RequestMapping("/api/v1/business/agents")
@Tag(name = "Enterprises")
class AgentApiController {

    private final AgentGrants grants;

    AgentApiController(AgentGrants grants) {
        this.grants = grants;
    }

    @GetMapping
    @Operation(
            summary = "The agents of the enterprise, with scope, validity and status",
            description = "For its legal representative only; anyone else gets 404.")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<AgentGrants.Agent> agents(@CurrentAccount UUID me, @CurrentEnterprise EnterpriseView enterprise) {
        return grants.agents(me, enterprise.creditCode());
    }

    @PostMapping("/{grant}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Revoke an agent's grant; it stops at the agent's next request",
            description = "404 for a grant of another enterprise, or one already revoked.")
    @PreAuthorize("hasAuthority('identity:update-own')")
    void revoke(@CurrentAccount UUID me, @CurrentEnterprise EnterpriseView enterprise, @PathVariable UUID grant) {
        grants.revoke(me, enterprise.creditCode(), grant);
    }
}
