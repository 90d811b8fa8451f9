package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.Family;
import org.tongban.identity.internal.AgentGrants;
import org.tongban.identity.internal.FamilyActing;
import org.tongban.identity.internal.FamilyActivity;
import org.tongban.identity.internal.FamilyGrants;
import org.tongban.identity.internal.FamilyStore;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * Relatives acting for family (亲友代办, ADR 0043), on {@code /citizen/family}: the grants one gives and holds;
 * authorising a relative, adding a minor child as guardian; the passkey step of a grant (the principal's
 * confirmation, the relative's acceptance, the guardian's declaration); switching to a family member and back;
 * what relatives did; revoking after a confirmation page. Another person's grant is not found (404).
 */
@Controller
class FamilyController {

    static final String BASE = "/citizen/family";
    static final String REFUSED = BASE + "/refused";

    private final FamilyGrants grants;
    private final FamilyActivity activity;
    private final FamilyStore store;

    FamilyController(FamilyGrants grants, FamilyActivity activity, FamilyStore store) {
        this.grants = grants;
        this.activity = activity;
        this.store = store;
    }

    @GetMapping(BASE)
    String list(@CurrentAccount UUID me, Model model) {
        var all = grants.all(me);
        model.addAttribute(
                "given", all.stream().filter(g -> g.principal().equals(me)).toList());
        model.addAttribute(
                "held", all.stream().filter(g -> g.relative().equals(me)).toList());
        model.addAttribute("me", me);
        return "identity/family";
    }

    @GetMapping(BASE + "/new")
    String newGrant(Model model) {
        model.addAttribute("scopes", Family.SCOPES);
        model.addAttribute("relationships", FamilyStore.RELATIONSHIPS);
        model.addAttribute(
                "maxDate", LocalDate.now(AgentGrants.ZONE).plusYears(3).toString());
        return "identity/family-new";
    }

    @PostMapping(BASE)
    @FormPage("newGrant")
    String authorise(
            @CurrentAccount UUID me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String relationship,
            @RequestParam(name = "scope", required = false) List<String> scope,
            @RequestParam(defaultValue = "") String validTo) {
        var id = grants.authorise(me, name, idNumber, relationship, scope == null ? List.of() : scope, validTo);
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/minor")
    String newMinor(Model model) {
        model.addAttribute("scopes", Family.SCOPES);
        return "identity/family-minor";
    }

    @PostMapping(BASE + "/minor")
    @FormPage("newMinor")
    String addMinor(
            @CurrentAccount UUID me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(name = "scope", required = false) List<String> scope) {
        var id = grants.addMinor(me, name, idNumber, scope == null ? List.of() : scope);
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/activity")
    String activity(@CurrentAccount UUID me, Model model) {
        model.addAttribute("activity", activity.of(me, null));
        return "identity/family-activity";
    }

    @GetMapping(BASE + "/{id}")
    String grant(@CurrentAccount UUID me, @PathVariable UUID id, Model model) {
        var g = grants.grant(me, id);
        model.addAttribute("grant", g);
        model.addAttribute("mine", g.principal().equals(me));
        model.addAttribute("step", grants.stepFor(me, g));
        model.addAttribute("hasPasskey", grants.hasPasskey(me));
        if (g.principal().equals(me)) model.addAttribute("activity", activity.of(me, id));
        return "identity/family-grant";
    }

    /** The passkey request options of the account's step, the challenge bound to the grant's content. */
    @PostMapping(value = BASE + "/{id}/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String options(@CurrentAccount UUID me, @PathVariable UUID id, Authentication authentication) {
        return grants.requestOptions(me, id, authentication);
    }

    @PostMapping(
            value = BASE + "/{id}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> confirm(@CurrentAccount UUID me, @PathVariable UUID id, @RequestBody String assertion) {
        var status = grants.confirm(me, id, assertion);
        return Map.of("redirect", BASE + "/" + id + "?done=" + status);
    }

    @PostMapping(BASE + "/{id}/revoke")
    @ConfirmFirst(
            value = "family.confirm.revoke",
            detail = "family.confirm.revoke.detail",
            button = "family.revoke",
            back = "/citizen/family/{id}")
    String revoke(@CurrentAccount UUID me, @PathVariable UUID id, RedirectAttributes redirect) {
        grants.revoke(me, id);
        redirect.addFlashAttribute("notice", "family.revoked");
        return "redirect:" + BASE;
    }

    /** Acts for the family member of this grant from now on, on every citizen page, until stopped. */
    @PostMapping(BASE + "/act/{id}")
    String act(@CurrentAccount UUID me, @PathVariable UUID id, HttpServletRequest request) {
        if (store.inForce(me).stream().noneMatch(m -> m.grant().equals(id))) throw new AccountNotFoundException(id);
        request.getSession().setAttribute(FamilyActing.SESSION_KEY, id.toString());
        return "redirect:/citizen";
    }

    @PostMapping(BASE + "/stop")
    String stop(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) session.removeAttribute(FamilyActing.SESSION_KEY);
        return "redirect:" + BASE;
    }

    @RequestMapping(
            path = REFUSED,
            method = {RequestMethod.GET, RequestMethod.POST})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(HttpServletRequest request, Model model) {
        var reason = request.getAttribute(FamilyRefusedAdvice.REASON);
        model.addAttribute("reason", reason == null ? "ENDED" : reason);
        return "identity/family-refused";
    }
}
