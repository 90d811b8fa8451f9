package org.tongban.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.audit.ActorDirectory;
import org.tongban.audit.AuditEntryView;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.internal.KnownCodes;
import org.tongban.shared.CurrentAccount;

/**
 * The auditor's view of the trail: filters by days, actor, event, object and result, paging backwards from the
 * newest, export as CSV, and chain verification. People are shown by name and events by their label; the stored
 * ids and codes stay available (the code beside its label, the id in the export). Read-only.
 */
@Controller
class AuditTrailController {

    static final int PAGE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditManagement audit;
    private final KnownCodes codes;
    private final ObjectProvider<ActorDirectory> actors;
    private final ObjectProvider<org.tongban.audit.SubjectNames> subjectNames;
    private final MessageSource messages;
    private final Clock clock;

    AuditTrailController(
            AuditManagement audit,
            KnownCodes codes,
            ObjectProvider<ActorDirectory> actors,
            ObjectProvider<org.tongban.audit.SubjectNames> subjectNames,
            MessageSource messages,
            Clock clock) {
        this.audit = audit;
        this.codes = codes;
        this.actors = actors;
        this.subjectNames = subjectNames;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String trail(TrailFilters.Params params, Locale locale, Model model) {
        var filters = TrailFilters.of(params);
        var read = filters.read(clock, directory(), codes.all());
        List<AuditEntryView> entries = read.errors().isEmpty() ? audit.search(read.query(), PAGE) : List.of();
        show(model, filters, read.errors(), entries, locale);
        return "audit/trail";
    }

    @PostMapping("/console/audit/verify")
    @PreAuthorize("hasAuthority('audit:read')")
    String verify(Locale locale, Model model) {
        model.addAttribute("verification", audit.verify());
        show(
                model,
                TrailFilters.of(TrailFilters.Params.NONE),
                Map.of(),
                audit.search(AuditQuery.everything(), PAGE),
                locale);
        return "audit/trail";
    }

    @GetMapping("/console/audit/export.csv")
    @PreAuthorize("hasAuthority('audit:read')")
    void export(TrailFilters.Params params, @CurrentAccount UUID auditor, Locale locale, HttpServletResponse response)
            throws IOException {
        var filters = TrailFilters.of(params).firstPage();
        var read = filters.read(clock, directory(), codes.all());
        var rows = read.errors().isEmpty() ? audit.exportRows(read.query()) : List.<AuditEntryView>of();
        audit.recordExport(auditor.toString(), filters.parameters(), rows.size());
        var names = names(rows, locale);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        response.setHeader("Cache-Control", "private, no-store");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // spreadsheet programs read UTF-8 only with the byte order mark
        TrailCsv.header(
                out,
                List.of(
                        text("audit.seq", locale),
                        text("audit.time", locale),
                        text("audit.code", locale),
                        "code",
                        text("audit.actor", locale),
                        "actor",
                        text("audit.subject", locale),
                        text("audit.result", locale),
                        text("audit.details", locale)));
        var zone = clock.getZone();
        for (var e : rows) {
            TrailCsv.row(
                    out,
                    List.of(
                            Long.toString(e.seq()),
                            TIME.format(e.occurredAt().atZone(zone)),
                            text("audit.code." + e.code(), locale),
                            e.code(),
                            e.actor() == null
                                    ? text("audit.anonymous", locale)
                                    : names.getOrDefault(e.actor(), e.actor()),
                            e.actor() == null ? "" : e.actor(),
                            names.getOrDefault(e.subject(), e.subject()),
                            text("audit.result." + e.result(), locale),
                            e.details()));
        }
        out.flush();
    }

    private void show(
            Model model,
            TrailFilters filters,
            Map<String, String> errors,
            List<AuditEntryView> entries,
            Locale locale) {
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("entries", entries);
        model.addAttribute("names", names(entries, locale));
        model.addAttribute("records", records(entries));
        model.addAttribute("shown", shown(entries));
        model.addAttribute("codes", codes.all());
        model.addAttribute("exportLimit", AuditManagement.EXPORT_LIMIT);
        model.addAttribute("exportUrl", url("/console/audit/export.csv", filters, null));
        model.addAttribute("newestUrl", filters.before() == null ? null : url("/console/audit", filters, null));
        model.addAttribute(
                "olderUrl",
                entries.size() == PAGE
                        ? url("/console/audit", filters, entries.getLast().seq())
                        : null);
    }

    /** The address of the page or the export with these filters, and of an older page. */
    private static String url(String path, TrailFilters filters, @Nullable Long before) {
        var uri = UriComponentsBuilder.fromPath(path);
        filters.parameters().forEach(uri::queryParam);
        if (before != null) uri.queryParam("before", before);
        return uri.encode().toUriString();
    }

    /** The objects that are a record's bare identifier (a material, a request …): shown shortened, not as a UUID. */
    private static Set<String> records(Collection<AuditEntryView> entries) {
        var records = new HashSet<String>();
        for (var e : entries) {
            if (TrailFilters.isUuid(e.subject())) records.add(e.subject());
        }
        return records;
    }

    private static final java.util.regex.Pattern UUID_IN_TEXT = java.util.regex.Pattern.compile(
            "([0-9a-fA-F]{8})-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The objects as shown when they hold identifiers inside them (the request refused, {@code POST /api/v1/office/
     * notices/…/remind}): each identifier shortened to its first eight characters, as a record's is; the link still
     * finds the whole object.
     */
    private static Map<String, String> shown(Collection<AuditEntryView> entries) {
        var shown = new java.util.HashMap<String, String>();
        for (var e : entries) {
            var subject = e.subject();
            if (TrailFilters.isUuid(subject)) continue;
            var short_ = UUID_IN_TEXT.matcher(subject).replaceAll("$1…");
            if (!short_.equals(subject)) shown.put(subject, short_);
        }
        return shown;
    }

    /** Names of the actors, and of the objects that are accounts or departments. */
    private Map<String, String> names(Collection<AuditEntryView> entries, Locale locale) {
        var ids = new HashSet<String>();
        for (var e : entries) {
            if (e.actor() != null) ids.add(e.actor());
            ids.add(e.subject());
        }
        if (ids.isEmpty()) return Map.of();
        var names = new java.util.HashMap<String, String>(directory().names(ids, locale));
        subjectNames.orderedStream().forEach(n -> n.names(ids, locale).forEach(names::putIfAbsent));
        return names;
    }

    private ActorDirectory directory() {
        return actors.getIfAvailable(() -> NO_DIRECTORY);
    }

    private String text(String key, Locale locale) {
        return java.util.Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }

    /** Without identity (a slice of the audit module alone), ids are shown as they are. */
    private static final ActorDirectory NO_DIRECTORY = new ActorDirectory() {
        @Override
        public Map<String, String> names(Collection<String> ids, Locale locale) {
            return Map.of();
        }

        @Override
        public java.util.Optional<String> accountOf(String loginName) {
            return java.util.Optional.empty();
        }
    };
}
