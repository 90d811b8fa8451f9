package org.tongban.cases.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CorrectionPoint;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.cases.internal.InboxSearch;
import org.tongban.catalog.CatalogManagement;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.HtmxFragment;
import org.tongban.shared.RedirectOnError;
import org.tongban.shared.Refusal;

/**
 * The official's side of a case in {@code /office}: the inbox of the department's waiting steps with filters and
 * counts, a case with its answers, materials, history and the actions of the step, and for department admins the
 * cases at risk or overdue, with urging.
 */
@Controller
class OfficeInboxController {

    private final CaseHandling handling;
    private final CaseDocuments documents;
    private final CatalogManagement catalog;

    OfficeInboxController(CaseHandling handling, CaseDocuments documents, CatalogManagement catalog) {
        this.handling = handling;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping("/office/inbox")
    @PreAuthorize("hasAuthority('cases:handle')")
    @HtmxFragment(template = "cases/inbox", fragment = "results")
    String inbox(
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String sort,
            @RequestParam(defaultValue = "1") String page,
            @CurrentAccount UUID official,
            Model model,
            Locale locale) {
        var wanted = step != null && CaseHandling.STEPS.contains(step) ? step : null;
        var order = java.util.Arrays.stream(InboxSearch.Sort.values())
                .filter(o -> o.name().equalsIgnoreCase(sort))
                .findFirst()
                .orElse(InboxSearch.Sort.DEADLINE);
        // A page that is not a number, or past the end, shows the nearest page: an address never answers 400.
        int pageNo = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
        var words = q.length() > 100 ? q.substring(0, 100) : q;
        var result = handling.inbox(official, new InboxSearch.Query(wanted, mine, words, order, pageNo), locale);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.rows());
        model.addAttribute("counts", handling.counts(official));
        model.addAttribute("step", wanted);
        model.addAttribute("mine", mine);
        model.addAttribute("q", words.strip());
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute(
                "sorts",
                java.util.Arrays.stream(InboxSearch.Sort.values())
                        .map(o -> o.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute(
                "names", itemNames(result.rows().stream().map(r -> r.itemCode()).toList(), locale));
        return "cases/inbox";
    }

    @GetMapping("/office/at-risk")
    @PreAuthorize("hasAuthority('cases:supervise')")
    String atRisk(@CurrentAccount UUID me, Model model, Locale locale) {
        var rows = handling.atRisk(me);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "names", itemNames(rows.stream().map(r -> r.itemCode()).toList(), locale));
        return "cases/at-risk";
    }

    @GetMapping("/office/cases/{number}")
    @PreAuthorize("hasAuthority('cases:handle')")
    String one(@PathVariable String number, @CurrentAccount UUID official, Model model, Locale locale) {
        var view = handling.detail(official, number);
        var kase = view.kase();
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        model.addAttribute("view", view);
        model.addAttribute("kase", kase);
        model.addAttribute("itemName", item.name(locale));
        model.addAttribute("answers", item.form().answers(kase.formData(), locale));
        model.addAttribute("departments", Departments.names(catalog, locale));
        model.addAttribute(
                "colleagues",
                view.actions().contains(CaseAction.TRANSFER) || view.actions().contains(CaseAction.ADD_CO_SIGNER)
                        ? handling.colleagues(official)
                        : java.util.List.of());
        model.addAttribute(
                "correctable",
                view.actions().contains(CaseAction.REQUEST_CORRECTION)
                        ? correctable(item, locale)
                        : java.util.List.of());
        return "cases/office-case";
    }

    /** A material or question an official may ask to correct, on the case page. */
    record Correctable(String key, String label, boolean material) {}

    private static java.util.List<Correctable> correctable(org.tongban.catalog.ItemView item, Locale locale) {
        var all = new java.util.ArrayList<Correctable>();
        for (var m : item.materials()) {
            if (!m.source().equals("GOVERNMENT"))
                all.add(new Correctable(CorrectionPoint.MATERIAL + ":" + m.seq(), m.name(), true));
        }
        for (var f : item.form().fields()) {
            all.add(new Correctable(CorrectionPoint.FIELD + ":" + f.name(), f.label(locale), false));
        }
        return all;
    }

    /**
     * A correction request (补正) naming what to correct: each material or question picked with its reason. Refused
     * picks come back to the case page with the errors on them and what was typed.
     */
    @PostMapping("/office/cases/{number}/correction")
    @PreAuthorize("hasAuthority('cases:handle')")
    @RedirectOnError(value = "/office/inbox", kinds = Refusal.Kind.NOT_FOUND, message = "cases.error.notFound")
    @RedirectOnError(value = "/office/cases/{number}", keep = "opinion")
    String requestCorrection(
            @PathVariable String number,
            @RequestParam(name = "pick", required = false) java.util.@Nullable List<String> pick,
            @RequestParam java.util.Map<String, String> params,
            @CurrentAccount UUID official,
            RedirectAttributes redirect) {
        var picked = pick == null ? java.util.List.<String>of() : pick;
        var points = picked.stream()
                .map(key -> {
                    int colon = key.indexOf(':');
                    return colon < 0
                            ? new CorrectionPoint(key, null, null)
                            : new CorrectionPoint(
                                    key.substring(0, colon), key.substring(colon + 1), params.get("reason." + key));
                })
                .toList();
        try {
            handling.requestCorrection(official, number, points, params.get("opinion"));
        } catch (CaseFormException e) {
            var reasons = new HashMap<String, String>();
            params.forEach((k, v) -> {
                if (k.startsWith("reason.")) reasons.put(k, v);
            });
            redirect.addFlashAttribute("error", "cases.error.correctionForm");
            redirect.addFlashAttribute("correctionErrors", e.fieldErrors());
            redirect.addFlashAttribute("picked", java.util.Set.copyOf(picked));
            redirect.addFlashAttribute("reasons", reasons);
            redirect.addFlashAttribute("correctionNote", params.getOrDefault("opinion", ""));
            return "redirect:/office/cases/" + number;
        }
        redirect.addFlashAttribute("notice", "cases.inbox.done");
        return "redirect:/office/inbox";
    }

    /** Every action of the case page posts here; the page is drawn again with what happened. */
    @PostMapping("/office/cases/{number}/act")
    @PreAuthorize("hasAuthority('cases:handle')")
    @RedirectOnError(value = "/office/inbox", kinds = Refusal.Kind.NOT_FOUND, message = "cases.error.notFound")
    @RedirectOnError(value = "/office/cases/{number}", keep = "opinion")
    String act(
            @PathVariable String number,
            @RequestParam CaseAction action,
            @RequestParam(defaultValue = "") String opinion,
            @RequestParam(required = false) @Nullable UUID colleague,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String back,
            @CurrentAccount UUID official,
            RedirectAttributes redirect) {
        switch (action) {
            case CLAIM -> handling.claim(official, number);
            case TRANSFER -> handling.transfer(official, number, required(colleague), opinion);
            case ADD_CO_SIGNER -> handling.addCoSigner(official, number, required(colleague), opinion);
            case START_SPECIAL -> handling.startSpecial(official, number, kind, opinion);
            case END_SPECIAL -> handling.endSpecial(official, number, opinion);
            default -> handling.act(official, number, action, opinion);
        }
        redirect.addFlashAttribute("notice", "cases.inbox.done");
        // After an action that hands the case on, the case page no longer has the official's step; the inbox does.
        return back.equals("case") ? "redirect:/office/cases/" + number : "redirect:/office/inbox";
    }

    @PostMapping("/office/cases/{number}/urge")
    @PreAuthorize("hasAuthority('cases:supervise')")
    @RedirectOnError(value = "/office/at-risk", kinds = Refusal.Kind.NOT_FOUND, message = "cases.error.notFound")
    @RedirectOnError("/office/at-risk")
    String urge(
            @PathVariable String number,
            @RequestParam(defaultValue = "") String note,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        handling.urge(me, number, note);
        redirect.addFlashAttribute("notice", "cases.atRisk.urged");
        return "redirect:/office/at-risk";
    }

    /** An uploaded material of a case of the official's department, shown in the browser. */
    @GetMapping("/office/cases/{number}/materials/{upload}")
    @PreAuthorize("hasAuthority('cases:handle')")
    ResponseEntity<byte[]> material(
            @PathVariable String number, @PathVariable UUID upload, @CurrentAccount UUID official) {
        var info = handling.materialInfo(official, number, upload)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var content = handling.material(official, number, upload)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        Objects.requireNonNullElse(info.contentType(), MediaType.APPLICATION_OCTET_STREAM_VALUE)))
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        org.springframework.http.ContentDisposition.inline()
                                .filename(
                                        info.fileName() == null ? upload.toString() : info.fileName(),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    @GetMapping("/office/cases/{number}/decision.pdf")
    @PreAuthorize("hasAuthority('cases:handle')")
    ResponseEntity<byte[]> decision(@PathVariable String number, @CurrentAccount UUID me) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Cache-Control", "private, no-store")
                .body(documents.forOfficial(number, me));
    }

    private static UUID required(@Nullable UUID colleague) {
        if (colleague == null) throw new CaseRefusedException("cases.error.notColleague");
        return colleague;
    }

    private java.util.Map<String, String> itemNames(java.util.List<String> codes, Locale locale) {
        var names = new HashMap<String, String>();
        for (var code : codes) {
            names.computeIfAbsent(
                    code, c -> catalog.guide(c).map(i -> i.name(locale)).orElse(c));
        }
        return names;
    }
}
