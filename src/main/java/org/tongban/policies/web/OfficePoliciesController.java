package org.tongban.policies.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.policies.InvalidPolicyException;
import org.tongban.policies.internal.Policies;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.policies.internal.PolicyRules;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/**
 * The policy officer's desk: the department's policies, drafting and revising (a rule that does not compile is
 * refused on its field with the compiler's words), publishing and withdrawing (each after a confirmation page), and
 * a 免申即享 policy's matched list with its confirmation.
 */
@Controller
class OfficePoliciesController {

    private static final List<String> EXAMPLES = List.of(
            "capital >= 100",
            "industry.startsWith(\"I\")",
            "age <= 3",
            "\"FOOD_LICENCE\" in licences",
            "size in [\"微型\", \"小型\"]",
            "!badRecord");

    private final Policies policies;
    private final PolicyOffers offers;
    private final MessageSource messages;

    OfficePoliciesController(Policies policies, PolicyOffers offers, MessageSource messages) {
        this.policies = policies;
        this.offers = offers;
        this.messages = messages;
    }

    @GetMapping("/office/policies")
    @PreAuthorize("hasAuthority('policies:publish')")
    String list(@CurrentAccount UUID me, Model model) {
        model.addAttribute("policies", policies.ofDepartment(me));
        return "policies/office-list";
    }

    @GetMapping("/office/policies/new")
    @PreAuthorize("hasAuthority('policies:publish')")
    String newDraft(Model model) {
        return form(new HashMap<>(), null, Map.of(), model);
    }

    @PostMapping("/office/policies")
    @PreAuthorize("hasAuthority('policies:publish')")
    @FormPage(value = "draftRefused", message = "policies.form.invalid")
    String draft(
            @RequestParam MultiValueMap<String, String> form, @CurrentAccount UUID me, RedirectAttributes redirect) {
        var id = policies.draft(me, form);
        redirect.addFlashAttribute("notice", "policies.notice.drafted");
        return "redirect:/office/policies/" + id;
    }

    private String draftRefused(
            @RequestParam MultiValueMap<String, String> form,
            @Nullable InvalidPolicyException e,
            Locale locale,
            Model model) {
        return form(form, null, problems(e, locale), model);
    }

    @GetMapping("/office/policies/{id}/edit")
    @PreAuthorize("hasAuthority('policies:publish')")
    String edit(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        return form(policies.values(me, id), id, Map.of(), model);
    }

    @PostMapping("/office/policies/{id}")
    @PreAuthorize("hasAuthority('policies:publish')")
    @FormPage(value = "reviseRefused", message = "policies.form.invalid")
    String revise(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        policies.revise(me, id, form);
        redirect.addFlashAttribute("notice", "policies.notice.saved");
        return "redirect:/office/policies/" + id;
    }

    private String reviseRefused(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @Nullable InvalidPolicyException e,
            Locale locale,
            Model model) {
        return form(form, id, problems(e, locale), model);
    }

    @GetMapping("/office/policies/{id}")
    @PreAuthorize("hasAuthority('policies:publish')")
    String policy(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        var policy = policies.own(me, id);
        model.addAttribute("p", policy);
        model.addAttribute("matched", offers.matches(me, id).size());
        return "policies/office-policy";
    }

    @PostMapping("/office/policies/{id}/publish")
    @PreAuthorize("hasAuthority('policies:publish')")
    @ConfirmFirst(
            value = "policies.confirm.publish",
            detail = "policies.confirm.publish.detail",
            button = "policies.action.publish",
            back = "/office/policies/{id}")
    @RedirectOnError("/office/policies/{id}")
    String publish(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("matchedCount", policies.publish(me, id));
        redirect.addFlashAttribute("notice", "policies.notice.published");
        return "redirect:/office/policies/" + id;
    }

    @PostMapping("/office/policies/{id}/withdraw")
    @PreAuthorize("hasAuthority('policies:publish')")
    @ConfirmFirst(
            value = "policies.confirm.withdraw",
            detail = "policies.confirm.withdraw.detail",
            button = "policies.action.withdraw",
            back = "/office/policies/{id}")
    @RedirectOnError("/office/policies/{id}")
    String withdraw(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        policies.withdraw(me, id);
        redirect.addFlashAttribute("notice", "policies.notice.withdrawn");
        return "redirect:/office/policies/" + id;
    }

    @GetMapping("/office/policies/{id}/matches")
    @PreAuthorize("hasAuthority('policies:publish')")
    String matches(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        model.addAttribute("p", policies.own(me, id));
        model.addAttribute("matches", offers.matches(me, id));
        return "policies/matches";
    }

    /** Confirms the matched list of a 免申即享 policy: the chosen enterprises get the benefit without applying. */
    @PostMapping("/office/policies/{id}/matches")
    @PreAuthorize("hasAuthority('policies:publish')")
    @ConfirmFirst(
            value = "policies.confirm.grant",
            detail = "policies.confirm.grant.detail",
            button = "policies.action.grant",
            back = "/office/policies/{id}/matches")
    @RedirectOnError("/office/policies/{id}/matches")
    String grant(
            @PathVariable UUID id,
            @RequestParam(name = "enterprise", required = false) @Nullable List<String> codes,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("grantedCount", offers.grant(me, id, codes == null ? List.of() : codes));
        redirect.addFlashAttribute("notice", "policies.notice.granted");
        return "redirect:/office/policies/" + id + "/matches";
    }

    private String form(
            Map<String, List<String>> values, @Nullable UUID id, Map<String, String> problems, Model model) {
        var f = new HashMap<String, String>();
        values.forEach((k, v) -> f.put(k, v.isEmpty() ? "" : v.getFirst()));
        model.addAttribute("f", f);
        model.addAttribute("id", id);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "rows", java.util.stream.IntStream.range(0, 8).boxed().toList());
        model.addAttribute("fields", PolicyRules.FIELDS.keySet());
        model.addAttribute("examples", EXAMPLES);
        return "policies/form";
    }

    /**
     * Each field's message in the reader's language, the compiler's words included for a rule; none when the page is
     * drawn again for a refusal (a draft published meanwhile), whose message the advice puts above the form.
     */
    private Map<String, String> problems(@Nullable InvalidPolicyException e, Locale locale) {
        var out = new HashMap<String, String>();
        if (e == null) return out;
        e.fieldErrors()
                .forEach((field, key) -> out.put(field, messages.getMessage(key, e.fieldArgs(field), key, locale)));
        return out;
    }
}
