package org.tongban.directory.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.directory.internal.ContactEdits;
import org.tongban.directory.internal.Directory;
import org.tongban.directory.internal.Directory.Card;
import org.tongban.directory.internal.OrgTree;

/**
 * The directory on the API, for officials only: search or browse, one card, and one's own contact details. A
 * detail its owner hides from the caller is null, never sent.
 */
@RestController
@RequestMapping("/api/v1/office/directory")
class DirectoryApiController {

    /** The tree (without a query or unit), a department's officials ({@code unit}) or the search results. */
    record Listing(@Nullable List<OrgTree.Node> tree, List<Card> officials) {}

    /** One's own details and who sees each: ALL, DEPARTMENT or SELF. */
    record Own(
            @Nullable String officePhone,
            @Nullable String mobile,
            @Nullable String email,
            @Nullable String room,
            @Nullable String officePhoneSeen,
            @Nullable String mobileSeen,
            @Nullable String emailSeen,
            @Nullable String roomSeen) {}

    private final Directory directory;
    private final ContactEdits edits;

    DirectoryApiController(Directory directory, ContactEdits edits) {
        this.directory = directory;
        this.edits = edits;
    }

    @GetMapping
    @Operation(
            summary =
                    "Search officials by name, pinyin initials, full pinyin or department name (q), list a department's"
                            + " officials (unit), or without either the organisation tree")
    @PreAuthorize("hasAuthority('directory:view')")
    Listing list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String unit,
            @org.tongban.shared.CurrentAccount UUID me,
            Locale locale) {
        if (!q.isBlank()) return new Listing(null, directory.search(me, q, locale));
        if (!unit.isBlank()) return new Listing(null, directory.department(me, unit.strip(), locale));
        return new Listing(directory.tree(locale), List.of());
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "One official's card, with the details the caller may see; 404 for anyone not in it")
    @PreAuthorize("hasAuthority('directory:view')")
    Card card(@PathVariable UUID id, @org.tongban.shared.CurrentAccount UUID me, Locale locale) {
        return directory.card(me, id, locale);
    }

    @GetMapping("/me")
    @Operation(summary = "One's own contact details and who sees each")
    @PreAuthorize("hasAuthority('directory:edit-own')")
    Own me(@org.tongban.shared.CurrentAccount UUID me) {
        return own(me);
    }

    @PutMapping("/me")
    @Operation(summary = "Replace one's own contact details and who sees each; invalid fields are 422, nothing saved")
    @PreAuthorize("hasAuthority('directory:edit-own')")
    Own put(@RequestBody Own body, @org.tongban.shared.CurrentAccount UUID me) {
        var form = new HashMap<String, String>();
        put(form, "officePhone", body.officePhone());
        put(form, "mobile", body.mobile());
        put(form, "email", body.email());
        put(form, "room", body.room());
        put(form, "officePhoneSeen", body.officePhoneSeen());
        put(form, "mobileSeen", body.mobileSeen());
        put(form, "emailSeen", body.emailSeen());
        put(form, "roomSeen", body.roomSeen());
        edits.save(me, form);
        return own(me);
    }

    private Own own(UUID me) {
        var c = directory.ownContact(me);
        return new Own(
                c.officePhone(),
                c.mobile(),
                c.email(),
                c.room(),
                c.officePhoneSeen().name(),
                c.mobileSeen().name(),
                c.emailSeen().name(),
                c.roomSeen().name());
    }

    private static void put(HashMap<String, String> form, String key, @Nullable String value) {
        if (value != null) form.put(key, value);
    }
}
