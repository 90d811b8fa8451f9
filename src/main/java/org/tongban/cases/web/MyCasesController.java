package org.tongban.cases.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;

/**
 * The applicant's cases in the citizen and business channels: the list, and a case with its progress (办件进度). The
 * citizen channel shows the person's own, the business channel those of the current enterprise ({@link ChannelCases}).
 */
@Controller
class MyCasesController {

    private final CaseManagement cases;
    private final CaseDocuments documents;
    private final CatalogManagement catalog;

    MyCasesController(CaseManagement cases, CaseDocuments documents, CatalogManagement catalog) {
        this.cases = cases;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping("/{channel:citizen|business}/cases")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String list(
            @PathVariable String channel,
            @CurrentAccount UUID me,
            @CurrentEnterprise(required = false) @Nullable EnterpriseView enterprise,
            Model model,
            Locale locale) {
        var mine = ChannelCases.list(cases, channel, me, enterprise);
        var names = new java.util.HashMap<String, String>();
        mine.forEach(c -> names.computeIfAbsent(
                c.number(),
                n -> catalog.version(c.itemCode(), c.itemVersion())
                        .map(i -> i.name(locale))
                        .orElse(c.itemCode())));
        var wanted = channel.equals("citizen") ? "PERSON" : "ENTERPRISE";
        var drafts = cases.drafts(me).stream()
                .flatMap(d -> catalog.guide(d.itemCode()).stream()
                        .filter(i -> i.channels().contains(wanted))
                        .map(i -> new DraftRow(i.code(), i.name(locale), d.savedAt())))
                .toList();
        model.addAttribute("channel", channel);
        model.addAttribute("cases", mine);
        model.addAttribute("drafts", drafts);
        model.addAttribute("names", names);
        return "cases/mine";
    }

    /** A saved draft as listed above the cases: the item, when it was last saved, and where to resume it. */
    record DraftRow(String code, String name, java.time.Instant savedAt) {}

    @GetMapping("/{channel:citizen|business}/cases/{number}")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String one(
            @PathVariable String channel,
            @PathVariable String number,
            @CurrentAccount UUID me,
            @CurrentEnterprise(required = false) @Nullable EnterpriseView enterprise,
            Model model,
            Locale locale) {
        var view = ChannelCases.one(cases, channel, number, me, enterprise);
        var item = catalog.version(view.itemCode(), view.itemVersion()).orElseThrow();
        model.addAttribute("channel", channel);
        model.addAttribute("kase", view);
        model.addAttribute("itemName", item.name(locale));
        model.addAttribute("answers", item.form().answers(view.formData(), locale));
        model.addAttribute("departments", Departments.names(catalog, locale));
        return "cases/case";
    }

    @PostMapping("/{channel:citizen|business}/cases/{number}/withdraw")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @ConfirmFirst(
            value = "cases.confirm.withdraw",
            detail = "cases.confirm.withdraw.detail",
            button = "cases.case.withdraw",
            back = "/{channel}/cases/{number}")
    @RedirectOnError("/{channel}/cases/{number}")
    String withdraw(
            @PathVariable String channel,
            @PathVariable String number,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID me,
            @CurrentEnterprise(required = false) @Nullable EnterpriseView enterprise,
            RedirectAttributes redirect) {
        ChannelCases.one(cases, channel, number, me, enterprise);
        cases.withdraw(number, me, reason);
        redirect.addFlashAttribute("notice", "cases.mine.withdrawn");
        return "redirect:/" + channel + "/cases/" + number;
    }

    @GetMapping("/{channel:citizen|business}/cases/{number}/decision.pdf")
    @PreAuthorize("hasAuthority('identity:read-own')")
    ResponseEntity<byte[]> decision(
            @PathVariable String channel,
            @PathVariable String number,
            @CurrentAccount UUID me,
            @CurrentEnterprise(required = false) @Nullable EnterpriseView enterprise) {
        ChannelCases.one(cases, channel, number, me, enterprise);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Cache-Control", "private, no-store")
                .body(documents.forApplicant(number, me));
    }
}
