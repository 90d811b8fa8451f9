package org.tongban.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.internal.AgentGrants;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * The legal representative's agents (经办人, ADR 0031): invite one (name, ID number, scope, validity), confirm with a
 * passkey bound to the grant, list, revoke after a confirmation page, and see an agent's activity. Any account that
 * is not the enterprise's legal representative now finds nothing here (404).
 */
@Controller
class AgentController {

    private static final String BASE = "/business/enterprises/{code}/agents";

    /** Where a page refused to an agent outside scope is forwarded ({@link AgentOutOfScopeAdvice}). */
    static final String OUT_OF_SCOPE = "/business/agent-out-of-scope";

    private final AgentGrants grants;

    AgentController(AgentGrants grants) {
        this.grants = grants;
    }

    @org.springframework.web.bind.annotation.RequestMapping(
            path = OUT_OF_SCOPE,
            method = {
                org.springframework.web.bind.annotation.RequestMethod.GET,
                org.springframework.web.bind.annotation.RequestMethod.POST
            })
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
    String outOfScope() {
        return "identity/agent-out-of-scope";
    }

    @GetMapping(BASE)
    String agents(@CurrentAccount UUID me, @PathVariable String code, Model model) {
        model.addAttribute("enterprise", grants.represented(me, code));
        model.addAttribute("agents", grants.agents(me, code));
        model.addAttribute("scopes", EnterpriseView.SCOPES);
        model.addAttribute(
                "maxDate",
                java.time.LocalDate.now(AgentGrants.ZONE).plusYears(1).toString());
        return "identity/agents";
    }

    @PostMapping(BASE)
    @FormPage("agents")
    String invite(
            @CurrentAccount UUID me,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(name = "scope", required = false) List<String> scope,
            @RequestParam(defaultValue = "") String validTo) {
        var id = grants.invite(me, code, name, idNumber, scope == null ? List.of() : scope, validTo);
        return "redirect:/business/enterprises/" + code + "/agents/pending/" + id;
    }

    @GetMapping(BASE + "/pending/{id}")
    String pending(@CurrentAccount UUID me, @PathVariable String code, @PathVariable UUID id, Model model) {
        model.addAttribute("pending", grants.pending(me, code, id));
        return "identity/agent-confirm";
    }

    /** The passkey request options, the challenge bound to this grant's content. */
    @PostMapping(value = BASE + "/pending/{id}/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String options(
            @CurrentAccount UUID me, @PathVariable String code, @PathVariable UUID id, Authentication authentication) {
        return grants.requestOptions(me, code, id, authentication);
    }

    /** The passkey assertion, as the browser made it; the answer says where to go. */
    @PostMapping(
            value = BASE + "/pending/{id}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> confirm(
            @CurrentAccount UUID me, @PathVariable String code, @PathVariable UUID id, @RequestBody String assertion) {
        grants.confirm(me, code, id, assertion);
        return Map.of("redirect", "/business/enterprises/" + code + "/agents?granted=" + id);
    }

    @GetMapping(BASE + "/{grant}")
    String agent(@CurrentAccount UUID me, @PathVariable String code, @PathVariable UUID grant, Model model) {
        model.addAttribute("enterprise", grants.represented(me, code));
        model.addAttribute("agent", grants.agent(me, code, grant));
        model.addAttribute("activity", grants.activity(me, code, grant));
        return "identity/agent";
    }

    @PostMapping(BASE + "/{grant}/revoke")
    @ConfirmFirst(
            value = "agents.confirm.revoke",
            detail = "agents.confirm.revoke.detail",
            button = "agents.revoke",
            back = "/business/enterprises/{code}/agents/{grant}")
    String revoke(
            @CurrentAccount UUID me, @PathVariable String code, @PathVariable UUID grant, RedirectAttributes redirect) {
        grants.revoke(me, code, grant);
        redirect.addFlashAttribute("notice", "agents.revoked");
        return "redirect:/business/enterprises/" + code + "/agents";
    }
}
