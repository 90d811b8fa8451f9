package org.tongban.exchange.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.exchange.internal.AccessRequests;
import org.tongban.exchange.internal.Catalogue;
import org.tongban.exchange.internal.NewRequest;
import org.tongban.exchange.internal.RegisterResource;
import org.tongban.identity.Departments;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * A department's data officer's pages (office channel): the catalogue, registering a resource on one of the
 * department's systems, requesting another's, and deciding the requests for one's own.
 */
@Controller
class ExchangeOfficeController {

    private final Catalogue catalogue;
    private final AccessRequests requests;
    private final Departments departments;
    private final Clock clock;

    ExchangeOfficeController(Catalogue catalogue, AccessRequests requests, Departments departments, Clock clock) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.departments = departments;
        this.clock = clock;
    }

    private String department(UUID me) {
        return departments.departmentOf(me).orElse("");
    }

    @GetMapping("/office/exchange")
    @PreAuthorize("hasAuthority('exchange:manage')")
    String catalogue(@CurrentAccount UUID me, Model model) {
        model.addAttribute("resources", catalogue.all());
        model.addAttribute("department", department(me));
        model.addAttribute("sources", catalogue.sourcesOf(me));
        return "exchange/office";
    }

    @GetMapping("/office/exchange/resources/new")
    @PreAuthorize("hasAuthority('exchange:manage')")
    String registerForm(
            @RequestParam(defaultValue = "") String source,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID me,
            Model model) {
        var mine = catalogue.sourcesOf(me);
        model.addAttribute("sources", mine);
        var chosen = mine.stream()
                .filter(s -> s.code().equals(source))
                .findFirst()
                .orElse(mine.isEmpty() ? null : mine.getFirst());
        model.addAttribute("source", chosen);
        model.addAttribute("form", params);
        return "exchange/register";
    }

    @PostMapping("/office/exchange/resources")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @FormPage("registerForm")
    String register(@RequestParam Map<String, String> params, @CurrentAccount UUID me, RedirectAttributes redirect) {
        var fields = new ArrayList<RegisterResource.FieldDef>();
        for (var e : params.entrySet()) {
            if (!e.getKey().startsWith("class_")) continue;
            var code = e.getKey().substring("class_".length());
            fields.add(new RegisterResource.FieldDef(code, params.getOrDefault("label_" + code, ""), e.getValue()));
        }
        var resource = catalogue.register(
                me,
                new RegisterResource(
                        params.getOrDefault("code", ""),
                        params.getOrDefault("name", ""),
                        params.getOrDefault("description", ""),
                        params.getOrDefault("source", ""),
                        params.getOrDefault("updateFrequency", ""),
                        "true".equals(params.get("personal")),
                        fields));
        redirect.addFlashAttribute("notice", "exchange.resource.registered");
        return "redirect:/office/exchange/resources/" + resource.code();
    }

    @GetMapping("/office/exchange/resources/{code}")
    @PreAuthorize("hasAuthority('exchange:manage')")
    String resourcePage(
            @PathVariable String code,
            @RequestParam(name = "fields", required = false) List<String> fields,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID me,
            Model model) {
        var resource = catalogue.find(code).orElseThrow(ExchangeRefusedException::notFound);
        model.addAttribute("r", resource);
        model.addAttribute("own", resource.ownerDepartment().equals(department(me)));
        var today = LocalDate.now(clock);
        var form = new LinkedHashMap<String, String>(params);
        form.putIfAbsent("validFrom", today.toString());
        form.putIfAbsent("validUntil", today.plusYears(1).toString());
        model.addAttribute("form", form);
        model.addAttribute("chosen", fields == null ? List.of() : fields);
        return "exchange/resource";
    }

    @PostMapping("/office/exchange/resources/{code}/requests")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @FormPage("resourcePage")
    String request(
            @PathVariable String code,
            @RequestParam(name = "fields", required = false) List<String> fields,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String legalBasis,
            @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String validUntil,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var request = requests.request(
                me,
                new NewRequest(code, fields == null ? List.of() : fields, purpose, legalBasis, validFrom, validUntil));
        redirect.addFlashAttribute("notice", "exchange.request.sent");
        return "redirect:/office/exchange/requests/" + request.id();
    }

    @GetMapping("/office/exchange/requests")
    @PreAuthorize("hasAuthority('exchange:manage')")
    String requests(@CurrentAccount UUID me, Model model) {
        model.addAttribute("incoming", requests.incoming(me));
        model.addAttribute("outgoing", requests.outgoing(me));
        return "exchange/requests";
    }

    @GetMapping("/office/exchange/requests/{id}")
    @PreAuthorize("hasAuthority('exchange:manage')")
    String requestPage(
            @PathVariable UUID id,
            @RequestParam(name = "fields", required = false) @Nullable List<String> fields,
            @RequestParam(defaultValue = "") String grantedUntil,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID me,
            Model model) {
        var request = requests.find(me, id);
        model.addAttribute("q", request);
        model.addAttribute("resource", catalogue.find(request.resourceCode()).orElseThrow());
        model.addAttribute("owner", request.ownerDepartment().equals(department(me)));
        model.addAttribute("chosen", fields == null ? request.fields() : fields);
        model.addAttribute(
                "grantedUntil", grantedUntil.isBlank() ? request.validUntil().toString() : grantedUntil);
        model.addAttribute("reason", reason);
        model.addAttribute("consent", requests.needsConsent(request));
        return "exchange/request";
    }

    @PostMapping("/office/exchange/requests/{id}/approve")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @FormPage("requestPage")
    String approve(
            @PathVariable UUID id,
            @RequestParam(name = "fields", required = false) List<String> fields,
            @RequestParam(defaultValue = "") String grantedUntil,
            @CurrentAccount UUID me,
            Model model) {
        var credential = requests.approve(me, id, fields == null ? List.of() : fields, grantedUntil);
        // Shown once, in this answer only: not through a redirect's flash attribute, which the session store would
        // keep; the secret is stored nowhere in clear.
        var page = requestPage(id, null, "", "", me, model);
        model.addAttribute("credential", credential);
        model.addAttribute("notice", "exchange.decide.approved");
        return page;
    }

    @PostMapping("/office/exchange/requests/{id}/refuse")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @FormPage("requestPage")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        requests.refuse(me, id, reason);
        redirect.addFlashAttribute("notice", "exchange.decide.refused");
        return "redirect:/office/exchange/requests/" + id;
    }

    @PostMapping("/office/exchange/requests/{id}/revoke")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @ConfirmFirst(
            value = "exchange.revoke.confirm",
            detail = "exchange.revoke.confirm.detail",
            button = "exchange.revoke",
            back = "/office/exchange/requests/{id}")
    @FormPage("requestPage")
    String revoke(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        requests.revoke(me, id);
        redirect.addFlashAttribute("notice", "exchange.revoked");
        return "redirect:/office/exchange/requests/" + id;
    }
}
