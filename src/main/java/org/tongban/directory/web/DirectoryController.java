package org.tongban.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.directory.InvalidContactException;
import org.tongban.directory.internal.ContactEdits;
import org.tongban.directory.internal.Directory;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * 通讯录: the organisation tree to browse (a region's departments, a department's officials: links, no script
 * needed), search, an official's card, and one's own contact details with who sees each.
 */
@Controller
class DirectoryController {

    static final String[] FIELDS = {"officePhone", "mobile", "email", "room"};

    private final Directory directory;
    private final ContactEdits edits;
    private final MessageSource messages;

    DirectoryController(Directory directory, ContactEdits edits, MessageSource messages) {
        this.directory = directory;
        this.edits = edits;
        this.messages = messages;
    }

    @GetMapping("/office/directory")
    @PreAuthorize("hasAuthority('directory:view')")
    String index(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String unit,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        var query = q.strip();
        model.addAttribute("q", query.length() > 40 ? query.substring(0, 40) : query);
        model.addAttribute("me", directory.own(me, locale));
        if (!query.isEmpty()) {
            model.addAttribute("results", directory.search(me, query, locale));
        } else if (!unit.isEmpty()) {
            var node = directory.unit(unit, locale);
            model.addAttribute("unit", node);
            if (node != null && node.department()) {
                model.addAttribute("officials", directory.department(me, node.code(), locale));
            }
        } else {
            model.addAttribute("tree", directory.tree(locale));
        }
        return "directory/index";
    }

    @GetMapping("/office/directory/people/{id}")
    @PreAuthorize("hasAuthority('directory:view')")
    String card(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        model.addAttribute("c", directory.card(me, id, locale));
        return "directory/card";
    }

    @GetMapping("/office/directory/me")
    @PreAuthorize("hasAuthority('directory:edit-own')")
    String me(@CurrentAccount UUID me, Locale locale, Model model) {
        var c = directory.ownContact(me);
        var f = new LinkedHashMap<String, @Nullable String>();
        f.put("officePhone", c.officePhone());
        f.put("mobile", c.mobile());
        f.put("email", c.email());
        f.put("room", c.room());
        f.putAll(org.tongban.directory.internal.Directory.settingsOf(c));
        return form(me, f, Map.of(), locale, model);
    }

    @PostMapping("/office/directory/me")
    @PreAuthorize("hasAuthority('directory:edit-own')")
    @FormPage("refused")
    String save(HttpServletRequest request, @CurrentAccount UUID me, RedirectAttributes redirect) {
        edits.save(me, formOf(request));
        redirect.addFlashAttribute("notice", "directory.notice.saved");
        return "redirect:/office/directory/me";
    }

    private String refused(
            HttpServletRequest request,
            @CurrentAccount UUID me,
            @Nullable InvalidContactException e,
            Locale locale,
            Model model) {
        var problems = new HashMap<String, String>();
        if (e != null)
            e.fieldErrors().forEach((f, key) -> problems.put(f, messages.getMessage(key, null, key, locale)));
        return form(me, new LinkedHashMap<>(formOf(request)), problems, locale, model);
    }

    private String form(
            UUID me, Map<String, @Nullable String> f, Map<String, String> problems, Locale locale, Model model) {
        model.addAttribute("f", f);
        model.addAttribute("problems", problems);
        model.addAttribute("fields", FIELDS);
        model.addAttribute("own", directory.own(me, locale));
        return "directory/me";
    }

    private static Map<String, String> formOf(HttpServletRequest request) {
        var form = new LinkedHashMap<String, String>();
        for (var field : FIELDS) {
            form.put(field, value(request, field));
            form.put(field + "Seen", value(request, field + "Seen"));
        }
        return form;
    }

    private static String value(HttpServletRequest request, String name) {
        var v = request.getParameter(name);
        return v == null ? "" : v;
    }
}
