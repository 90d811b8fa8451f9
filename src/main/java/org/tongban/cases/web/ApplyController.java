package org.tongban.cases.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.SubmitCase;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.ItemView;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.HtmxFragment;

/**
 * Applying online (网上申请) in the citizen and business channels: the item's form prefilled from the applicant's
 * identity, uploads and licenses for the materials, a draft to finish later, the check-your-answers step and the
 * submission; and the answer to a correction request (补正) on the same form. Errors keep every answer given.
 */
@Controller
class ApplyController {

    private final CaseManagement cases;
    private final CatalogManagement catalog;

    ApplyController(CaseManagement cases, CatalogManagement catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @GetMapping("/{channel:citizen|business}/apply/{code}")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @HtmxFragment(template = "cases/apply", fragment = "application")
    String start(
            @PathVariable String channel,
            @PathVariable String code,
            @CurrentAccount UUID applicant,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model,
            Locale locale,
            jakarta.servlet.http.HttpServletResponse response) {
        ItemView item;
        try {
            item = offered(channel, code, applicant);
        } catch (CaseRefusedException e) {
            // An item of the other channel only: say so in words, and where it is applied for (refusal audited).
            var guide = catalog.guide(code).orElseThrow();
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("item", guide);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("elsewhere", channel.equals("citizen") ? "business" : "citizen");
            return "cases/wrong-channel";
        }
        var draft = cases.draft(applicant, item.code());
        Map<String, String> answers;
        Map<Integer, String> chosen;
        if (draft.isPresent()) {
            answers = draft.get().formData();
            chosen = draft.get().materials();
            if (!model.containsAttribute("notice")) model.addAttribute("notice", "cases.apply.draftResumed");
        } else {
            // The enterprise channel fills in the enterprise it acts for now (ADR 0030).
            answers = cases.prefill(applicant, item, channel.equals("business") ? enterprise : null);
            chosen = Map.of();
        }
        return form(
                channel,
                item,
                applicant,
                answers,
                chosen,
                Map.of(),
                Map.of(),
                UUID.randomUUID().toString(),
                model,
                locale);
    }

    /** Every button of the form posts here: save the draft, add or remove a group entry, or check the answers. */
    @PostMapping("/{channel:citizen|business}/apply/{code}")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @HtmxFragment(template = "cases/apply", fragment = "application")
    String post(
            @PathVariable String channel,
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            jakarta.servlet.http.HttpServletRequest request,
            @CurrentAccount UUID applicant,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var item = offered(channel, code, applicant);
        var action = params.getOrDefault("_action", "check");
        var answers = new TreeMap<>(ApplicationForm.answers(item.form(), params));
        var chosen = ApplicationForm.chosen(params);
        var errors = new LinkedHashMap<String, String>();
        keepUploads(applicant, request, chosen, errors);
        var key = idempotencyKey(params);
        var extra = new HashMap<String, Integer>();
        if (action.startsWith("add:")) {
            extra.put(action.substring(4), 1);
        } else if (action.startsWith("remove:")) {
            remove(item.form(), action.substring(7), answers);
        } else if (action.equals("save")) {
            cases.saveDraft(applicant, item.code(), answers, chosen);
            if (errors.isEmpty()) {
                redirect.addFlashAttribute("notice", "cases.apply.draftSaved");
                return "redirect:/" + channel + "/apply/" + item.code();
            }
        } else if (action.equals("check")) {
            try {
                cases.check(
                                applicant,
                                item.code(),
                                channelOf(channel),
                                ChannelCases.filingAs(channel, enterprise),
                                answers,
                                chosen)
                        .forEach(errors::putIfAbsent);
            } catch (CaseRefusedException e) {
                model.addAttribute("error", refusal(e));
                return form(channel, item, applicant, answers, chosen, errors, extra, key, model, locale);
            }
            if (errors.isEmpty()) return review(channel, item, applicant, answers, chosen, key, model, locale);
        }
        if (!errors.isEmpty()) model.addAttribute("error", "cases.error.form");
        return form(channel, item, applicant, answers, chosen, errors, extra, key, model, locale);
    }

    @PostMapping("/{channel:citizen|business}/apply/{code}/submit")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @FormPage(value = "submitRefused", status = 200, message = "cases.error.form")
    String submit(
            @PathVariable String channel,
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID applicant,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var item = offered(channel, code, applicant);
        var answers = ApplicationForm.answers(item.form(), params);
        var chosen = ApplicationForm.chosen(params);
        var key = idempotencyKey(params);
        var number = cases.submit(new SubmitCase(
                item.code(),
                applicant,
                key,
                answers,
                chosen,
                channelOf(channel),
                ChannelCases.filingAs(channel, enterprise)));
        redirect.addFlashAttribute("notice", "cases.apply.submitted");
        return "redirect:/" + channel + "/cases/" + number;
    }

    /** The form again after a refused submission, with every answer given: the errors by field, or why. */
    private String submitRefused(
            @PathVariable String channel,
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID applicant,
            RuntimeException e,
            Model model,
            Locale locale) {
        var item = offered(channel, code, applicant);
        if (e instanceof CaseRefusedException refused) model.addAttribute("error", refusal(refused));
        var errors = e instanceof CaseFormException invalid ? invalid.fieldErrors() : Map.<String, String>of();
        return form(
                channel,
                item,
                applicant,
                ApplicationForm.answers(item.form(), params),
                ApplicationForm.chosen(params),
                errors,
                Map.of(),
                idempotencyKey(params),
                model,
                locale);
    }

    // Correction (补正)

    @GetMapping("/{channel:citizen|business}/cases/{number}/correct")
    @PreAuthorize("hasAuthority('identity:update-own')")
    String correction(
            @PathVariable String channel,
            @PathVariable String number,
            @CurrentAccount UUID applicant,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model,
            Locale locale) {
        var kase = own(channel, number, applicant, enterprise);
        if (!kase.correctionRequested()) return "redirect:/" + channel + "/cases/" + number;
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        var chosen = new TreeMap<Integer, String>();
        kase.materials().forEach(m -> {
            if (m.uploadId() != null) chosen.put(m.seq(), "upload:" + m.uploadId());
            else if (m.licenseId() != null) chosen.put(m.seq(), "licence:" + m.licenseId());
        });
        // A material asked to be corrected starts empty: the one filed is what is to be replaced.
        kase.corrections().stream().filter(p -> p.material()).forEach(p -> chosen.remove(Integer.parseInt(p.target())));
        model.addAttribute("correction", kase);
        var page = form(channel, item, applicant, kase.formData(), chosen, Map.of(), Map.of(), "", model, locale);
        onlyAsked(kase, model);
        return page;
    }

    @PostMapping("/{channel:citizen|business}/cases/{number}/correct")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @HtmxFragment(template = "cases/apply", fragment = "application")
    String correct(
            @PathVariable String channel,
            @PathVariable String number,
            @RequestParam Map<String, String> params,
            jakarta.servlet.http.HttpServletRequest request,
            @CurrentAccount UUID applicant,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var kase = own(channel, number, applicant, enterprise);
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        var action = params.getOrDefault("_action", "send");
        var answers = new TreeMap<>(ApplicationForm.answers(item.form(), params));
        var chosen = ApplicationForm.chosen(params);
        var errors = new LinkedHashMap<String, String>();
        keepUploads(applicant, request, chosen, errors);
        var extra = new HashMap<String, Integer>();
        model.addAttribute("correction", kase);
        if (action.startsWith("add:")) {
            extra.put(action.substring(4), 1);
        } else if (action.startsWith("remove:")) {
            remove(item.form(), action.substring(7), answers);
        } else if (errors.isEmpty()) {
            try {
                cases.correct(number, applicant, answers, chosen);
                redirect.addFlashAttribute("notice", "cases.apply.corrected");
                return "redirect:/" + channel + "/cases/" + number;
            } catch (CaseFormException e) {
                errors.putAll(e.fieldErrors());
            } catch (CaseRefusedException e) {
                model.addAttribute("error", refusal(e));
            }
        }
        if (!errors.isEmpty()) model.addAttribute("error", "cases.error.form");
        var page = form(channel, item, applicant, answers, chosen, errors, extra, "", model, locale);
        onlyAsked(kase, model);
        return page;
    }

    /** A correction request that names what to correct: the page asks for that only (older requests: everything). */
    private static void onlyAsked(org.tongban.cases.internal.CaseView kase, Model model) {
        var asked = kase.corrections();
        if (asked.isEmpty() || !(model.getAttribute("form") instanceof ApplicationForm form)) return;
        model.addAttribute(
                "form",
                form.only(
                        asked.stream()
                                .filter(p -> !p.material())
                                .map(p -> p.target())
                                .collect(java.util.stream.Collectors.toSet()),
                        asked.stream()
                                .filter(p -> p.material())
                                .map(p -> Integer.parseInt(p.target()))
                                .collect(java.util.stream.Collectors.toSet())));
    }

    // Drawing

    private String form(
            String channel,
            ItemView item,
            UUID applicant,
            Map<String, String> answers,
            Map<Integer, String> chosen,
            Map<String, String> errors,
            Map<String, Integer> extra,
            String key,
            Model model,
            Locale locale) {
        var licenses = licenses(item, applicant);
        model.addAttribute("channel", channel);
        model.addAttribute("item", item);
        model.addAttribute(
                "form",
                ApplicationForm.of(
                        item, answers, chosen, errors, extra, labels(applicant, chosen, licenses), licenses, locale));
        model.addAttribute("key", key);
        // An item above the applicant's trust level: the page says which level it needs and how to get there.
        cases.missingTrustLevel(applicant, item).ifPresent(level -> model.addAttribute("trustNeeded", level));
        return "cases/apply";
    }

    private String review(
            String channel,
            ItemView item,
            UUID applicant,
            Map<String, String> answers,
            Map<Integer, String> chosen,
            String key,
            Model model,
            Locale locale) {
        var licenses = licenses(item, applicant);
        model.addAttribute("channel", channel);
        model.addAttribute("item", item);
        model.addAttribute("answers", item.form().answers(answers, locale));
        model.addAttribute("hidden", answers);
        model.addAttribute("chosen", chosen);
        model.addAttribute("labels", labels(applicant, chosen, licenses));
        model.addAttribute("key", key);
        return "cases/check";
    }

    /** The applicant's licenses that can replace each material, as choices. */
    private Map<Integer, List<ApplicationForm.Choice>> licenses(ItemView item, UUID applicant) {
        var licenses = new HashMap<Integer, List<ApplicationForm.Choice>>();
        if (!cases.licensesAvailable()) return licenses;
        for (var m : item.materials()) {
            if (m.licenseType() == null) continue;
            licenses.put(
                    m.seq(),
                    cases.licenseOptions(applicant, m.licenseType()).stream()
                            .map(o -> new ApplicationForm.Choice(
                                    "licence:" + o.licenseId(),
                                    o.validUntil() == null ? o.name() : o.name() + " (" + o.validUntil() + ")"))
                            .toList());
        }
        return licenses;
    }

    /** The file name of each chosen upload and the name of each chosen license. */
    private Map<Integer, String> labels(
            UUID applicant, Map<Integer, String> chosen, Map<Integer, List<ApplicationForm.Choice>> licenses) {
        var labels = new HashMap<Integer, String>();
        chosen.forEach((seq, value) -> {
            if (value.startsWith("upload:")) {
                try {
                    cases.upload(UUID.fromString(value.substring(7)), applicant)
                            .ifPresent(u -> labels.put(seq, u.fileName()));
                } catch (IllegalArgumentException ignored) {
                    // An id that is no UUID names no upload; submission says so.
                }
            } else {
                licenses.getOrDefault(seq, List.of()).stream()
                        .filter(c -> c.value().equals(value))
                        .findFirst()
                        .ifPresent(c -> labels.put(seq, c.label()));
            }
        });
        return labels;
    }

    /** Keeps the files sent with the page as uploads; a refused file is an error on its material, the rest is kept. */
    private void keepUploads(
            UUID applicant,
            jakarta.servlet.http.HttpServletRequest request,
            Map<Integer, String> chosen,
            Map<String, String> errors) {
        MultipartRequest files = WebUtils.getNativeRequest(request, MultipartRequest.class);
        if (files == null) return;
        for (var entry : files.getFileMap().entrySet()) {
            var name = entry.getKey();
            MultipartFile file = entry.getValue();
            if (!name.startsWith("file.") || file.isEmpty()) continue;
            int seq;
            try {
                seq = Integer.parseInt(name.substring(5));
            } catch (NumberFormatException e) {
                continue;
            }
            try {
                var upload = cases.upload(
                        applicant, Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes());
                chosen.put(seq, "upload:" + upload.id());
            } catch (CaseRefusedException e) {
                errors.put(ApplicationForm.MATERIAL + seq, e.messageKey());
            } catch (IOException e) {
                errors.put(ApplicationForm.MATERIAL + seq, "cases.error.fileEmpty");
            }
        }
    }

    /** Removes entry {@code group:index} of a repeatable group and moves the later entries up. */
    private static void remove(FormDefinition form, String target, Map<String, String> answers) {
        var parts = target.split(":");
        if (parts.length != 2) return;
        var group = form.fields().stream()
                .filter(f -> f.group() && f.name().equals(parts[0]))
                .findFirst();
        if (group.isEmpty()) return;
        int index;
        try {
            index = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return;
        }
        var g = group.get();
        for (int i = index; i < g.groupLimit(); i++) {
            for (var m : g.members()) {
                var next = answers.get(FormDefinition.key(g, i + 1, m));
                if (next == null) answers.remove(FormDefinition.key(g, i, m));
                else answers.put(FormDefinition.key(g, i, m), next);
            }
        }
    }

    /** The message of a refusal on the page; a too-low trust level is explained by the trust notice. */
    private static String refusal(CaseRefusedException e) {
        return e instanceof org.tongban.cases.TrustLevelTooLowException ? "cases.error.trustLevelPage" : e.messageKey();
    }

    private static String channelOf(String channel) {
        return channel.equals("citizen") ? "PERSON" : "ENTERPRISE";
    }

    private static String idempotencyKey(Map<String, String> params) {
        var key = params.getOrDefault("_key", "");
        return key.isBlank() || key.length() > 100 ? UUID.randomUUID().toString() : key;
    }

    /** The item, if offered in this channel; an item of the other channel only is refused in words, audited. */
    private ItemView offered(String channel, String code, UUID applicant) {
        var item = catalog.guide(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!item.channels().contains(channelOf(channel))) cases.refuseChannel(applicant, item, channelOf(channel));
        return item;
    }

    /** A case filed in this channel and reachable by the caller now ({@link ChannelCases}). */
    private org.tongban.cases.internal.CaseView own(
            String channel, String number, UUID applicant, org.tongban.identity.@Nullable EnterpriseView enterprise) {
        ChannelCases.one(cases, channel, number, applicant, enterprise);
        return cases.mine(number, applicant);
    }
}
