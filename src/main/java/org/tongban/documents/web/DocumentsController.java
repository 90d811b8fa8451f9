package org.tongban.documents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.documents.DocumentNotFoundException;
import org.tongban.documents.DocumentType;
import org.tongban.documents.internal.DocumentStatus;
import org.tongban.documents.internal.DraftForm;
import org.tongban.documents.internal.OfficialDocuments;
import org.tongban.documents.internal.ReceiptStatus;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/**
 * The official documents desk (公文): the department's documents by state, drafting, a document's page with the
 * steps open to the official, the incoming documents and their handling, the archive and the completion rate.
 */
@Controller
class DocumentsController {

    private final OfficialDocuments documents;

    DocumentsController(OfficialDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/office/documents")
    @PreAuthorize("hasAuthority('documents:read')")
    String list(@RequestParam(required = false) @Nullable String status, @CurrentAccount UUID me, Model model) {
        var state = parse(status);
        model.addAttribute("status", state);
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("counts", documents.counts(me));
        model.addAttribute("documents", documents.mine(me, state, 100));
        model.addAttribute("toCountersign", documents.toCountersign(me));
        model.addAttribute(
                "waiting", documents.incoming(me, ReceiptStatus.DELIVERED).size());
        return "documents/list";
    }

    @GetMapping("/office/documents/new")
    @PreAuthorize("hasAuthority('documents:handle')")
    String newDraft(@CurrentAccount UUID me, Locale locale, Model model) {
        var values = new HashMap<String, List<String>>();
        documents.defaults(me).forEach((k, v) -> values.put(k, List.of(v)));
        return form(me, values, null, locale, model);
    }

    @PostMapping("/office/documents")
    @PreAuthorize("hasAuthority('documents:handle')")
    @FormPage(value = "draftRefused", message = "documents.form.invalid")
    String draft(
            @RequestParam MultiValueMap<String, String> form, @CurrentAccount UUID me, RedirectAttributes redirect) {
        var id = documents.draft(me, form);
        redirect.addFlashAttribute("notice", "documents.notice.drafted");
        return "redirect:/office/documents/" + id;
    }

    private String draftRefused(
            @RequestParam MultiValueMap<String, String> form, @CurrentAccount UUID me, Locale locale, Model model) {
        return form(me, form, null, locale, model);
    }

    @GetMapping("/office/documents/{id}/edit")
    @PreAuthorize("hasAuthority('documents:handle')")
    String edit(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        var view = documents.view(me, id, english(locale));
        if (!view.actions().contains("revise")) throw new DocumentNotFoundException(id.toString());
        var d = view.document().content();
        var values = new HashMap<String, List<String>>();
        values.put("type", List.of(d.type().name()));
        put(values, "copyNumber", d.copyNumber());
        put(
                values,
                "classification",
                d.classification() == null ? null : d.classification().name());
        put(values, "secrecyPeriod", d.secrecyPeriod());
        put(values, "urgency", d.urgency() == null ? null : d.urgency().name());
        put(values, "issuerMark", d.issuerMark());
        put(values, "title", d.title());
        values.put("mainRecipients", d.mainRecipients());
        put(values, "body", d.body());
        put(values, "attachmentNote", d.attachmentNote());
        put(values, "attachments", d.attachments());
        put(values, "issuerSignature", d.issuerSignature());
        put(values, "writtenOn", d.writtenOn() == null ? null : d.writtenOn().toString());
        put(values, "sealKind", d.sealKind().name());
        put(values, "notes", d.notes());
        values.put("ccRecipients", d.ccRecipients());
        put(values, "printedBy", d.printedBy());
        values.put("countersigners", d.countersigners());
        return form(me, values, id, locale, model);
    }

    @PostMapping("/office/documents/{id}")
    @PreAuthorize("hasAuthority('documents:handle')")
    @FormPage(value = "reviseRefused", message = "documents.form.invalid")
    String revise(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        documents.revise(me, id, form);
        redirect.addFlashAttribute("notice", "documents.notice.saved");
        return "redirect:/office/documents/" + id;
    }

    private String reviseRefused(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        return form(me, form, id, locale, model);
    }

    @GetMapping("/office/documents/{id}")
    @PreAuthorize("hasAuthority('documents:read')")
    String document(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        model.addAttribute("v", documents.view(me, id, english(locale)));
        return "documents/document";
    }

    @GetMapping("/office/documents/{id}/document.pdf")
    @PreAuthorize("hasAuthority('documents:read')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentAccount UUID me) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"document-" + id + ".pdf\"")
                .body(documents.pdf(me, id));
    }

    @PostMapping("/office/documents/{id}/submit")
    @PreAuthorize("hasAuthority('documents:handle')")
    @RedirectOnError("/office/documents/{id}")
    String submit(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        documents.submit(me, id);
        return done(id, "documents.notice.submitted", redirect);
    }

    @PostMapping("/office/documents/{id}/check")
    @PreAuthorize("hasAuthority('documents:handle')")
    @RedirectOnError("/office/documents/{id}")
    String check(
            @PathVariable UUID id,
            @RequestParam String outcome,
            @RequestParam(required = false) @Nullable String opinion,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        documents.check(me, id, "pass".equals(outcome), opinion);
        return done(id, "pass".equals(outcome) ? "documents.notice.checked" : "documents.notice.returned", redirect);
    }

    @PostMapping("/office/documents/{id}/countersign")
    @PreAuthorize("hasAuthority('documents:handle')")
    @RedirectOnError("/office/documents/{id}")
    String countersign(
            @PathVariable UUID id,
            @RequestParam String outcome,
            @RequestParam(required = false) @Nullable String opinion,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        documents.countersign(me, id, "agree".equals(outcome), opinion);
        return done(id, "documents.notice.countersigned", redirect);
    }

    @PostMapping("/office/documents/{id}/sign")
    @PreAuthorize("hasAuthority('documents:sign')")
    @ConfirmFirst(
            value = "documents.confirm.sign",
            detail = "documents.confirm.sign.detail",
            button = "documents.action.sign",
            back = "/office/documents/{id}",
            when = "outcome=sign")
    @RedirectOnError("/office/documents/{id}")
    String sign(
            @PathVariable UUID id,
            @RequestParam String outcome,
            @RequestParam(required = false) @Nullable String opinion,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        if ("sign".equals(outcome)) {
            documents.sign(me, id, opinion);
            return done(id, "documents.notice.signed", redirect);
        }
        documents.returnFromSigning(me, id, opinion);
        return done(id, "documents.notice.returned", redirect);
    }

    @PostMapping("/office/documents/{id}/seal")
    @PreAuthorize("hasAuthority('documents:handle')")
    @ConfirmFirst(
            value = "documents.confirm.seal",
            detail = "documents.confirm.seal.detail",
            button = "documents.action.seal",
            back = "/office/documents/{id}")
    @RedirectOnError("/office/documents/{id}")
    String seal(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        documents.seal(me, id);
        return done(id, "documents.notice.sealed", redirect);
    }

    @PostMapping("/office/documents/{id}/dispatch")
    @PreAuthorize("hasAuthority('documents:handle')")
    @ConfirmFirst(
            value = "documents.confirm.dispatch",
            detail = "documents.confirm.dispatch.detail",
            button = "documents.action.dispatch",
            back = "/office/documents/{id}")
    @RedirectOnError("/office/documents/{id}")
    String dispatch(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        documents.dispatch(me, id);
        return done(id, "documents.notice.dispatched", redirect);
    }

    @PostMapping("/office/documents/{id}/urge")
    @PreAuthorize("hasAuthority('documents:handle')")
    @RedirectOnError("/office/documents/{id}")
    String urge(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        documents.urge(me, id);
        return done(id, "documents.notice.urged", redirect);
    }

    @GetMapping("/office/documents/incoming")
    @PreAuthorize("hasAuthority('documents:read')")
    String incoming(@RequestParam(required = false) @Nullable String status, @CurrentAccount UUID me, Model model) {
        ReceiptStatus state = null;
        if (status != null && !status.isBlank()) {
            try {
                state = ReceiptStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                state = null;
            }
        }
        model.addAttribute("status", state);
        model.addAttribute("statuses", ReceiptStatus.values());
        model.addAttribute("receipts", documents.incoming(me, state));
        return "documents/incoming";
    }

    @GetMapping("/office/documents/incoming/{id}")
    @PreAuthorize("hasAuthority('documents:read')")
    String receipt(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        var r = documents.receipt(me, id);
        model.addAttribute("r", r);
        model.addAttribute("v", documents.view(me, r.documentId(), english(locale)));
        return "documents/receipt";
    }

    @PostMapping("/office/documents/incoming/{id}/{step}")
    @PreAuthorize("hasAuthority('documents:handle')")
    @RedirectOnError(value = "/office/documents/incoming/{id}", invalidInput = true)
    String act(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String opinion,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var text = opinion == null ? "" : opinion;
        switch (step) {
            case "sign-for" -> documents.signFor(me, id);
            case "propose" -> documents.propose(me, id, text);
            case "instruct" -> documents.instruct(me, id, text);
            case "handle" -> documents.handle(me, id, text);
            case "conclude" -> documents.conclude(me, id);
            default -> throw new DocumentNotFoundException(id.toString());
        }
        redirect.addFlashAttribute("notice", "documents.notice.receipt." + step);
        return "redirect:/office/documents/incoming/" + id;
    }

    @GetMapping("/office/documents/archive")
    @PreAuthorize("hasAuthority('documents:read')")
    String archive(
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String issuer,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        var errors = new HashMap<String, String>();
        var fromDate = date(from, "from", errors);
        var toDate = date(to, "to", errors);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "q",
                Map.of(
                        "number", number == null ? "" : number,
                        "title", title == null ? "" : title,
                        "issuer", issuer == null ? "" : issuer,
                        "from", from == null ? "" : from,
                        "to", to == null ? "" : to));
        model.addAttribute("departments", documents.departmentNames(english(locale)));
        model.addAttribute(
                "results",
                errors.isEmpty() ? documents.archive(me, number, title, issuer, fromDate, toDate) : List.of());
        return "documents/archive";
    }

    @GetMapping("/office/documents/completion")
    @PreAuthorize("hasAuthority('documents:read')")
    String completion(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Locale locale,
            Model model) {
        var errors = new HashMap<String, String>();
        var today = LocalDate.now(documentsClockZone());
        var fromDate = date(from, "from", errors);
        var toDate = date(to, "to", errors);
        var start = fromDate == null ? today.withDayOfYear(1) : fromDate;
        var end = toDate == null ? today : toDate;
        model.addAttribute("errors", errors);
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("departments", documents.departmentNames(english(locale)));
        model.addAttribute("rates", errors.isEmpty() ? documents.completion(start, end) : List.of());
        return "documents/completion";
    }

    private java.time.ZoneId documentsClockZone() {
        return documents.zone();
    }

    private String form(UUID me, Map<String, List<String>> values, @Nullable UUID id, Locale locale, Model model) {
        var single = new HashMap<String, String>();
        values.forEach((k, v) -> single.put(k, v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst()));
        var chosen = new java.util.HashSet<String>();
        for (var field : List.of("mainRecipients", "ccRecipients", "countersigners"))
            for (var code : values.getOrDefault(field, List.of())) chosen.add(field + ":" + code);
        var own = documents.departmentOf(me);
        var departments = new java.util.LinkedHashMap<>(documents.departmentNames(english(locale)));
        departments.remove(own);
        model.addAttribute("f", single);
        model.addAttribute("chosen", chosen);
        model.addAttribute("id", id);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("departments", departments);
        model.addAttribute("fields", DraftForm.FIELDS);
        return "documents/form";
    }

    private static void put(Map<String, List<String>> values, String field, @Nullable String value) {
        if (value != null) values.put(field, List.of(value));
    }

    private static String done(UUID id, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/office/documents/" + id;
    }

    private static @Nullable DocumentStatus parse(@Nullable String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return DocumentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "documents.error.date");
            return null;
        }
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
