package org.tongban.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.ActorDirectory;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditResult;

/**
 * The auditor's filters as typed on the page (every field a string, kept as typed so that a mistake is shown beside
 * its field with the input intact), read into an {@link AuditQuery}: days in the platform's zone, the actor by login
 * name or account id, an event among the known codes.
 */
record TrailFilters(
        String from,
        String to,
        String actor,
        String code,
        String subject,
        String result,
        @Nullable Long before) {

    /** The request parameters as sent (any may be missing), bound by Spring from the query string. */
    record Params(
            @Nullable String from,
            @Nullable String to,
            @Nullable String actor,
            @Nullable String code,
            @Nullable String subject,
            @Nullable String result,
            @Nullable Long before) {
        static final Params NONE = new Params(null, null, null, null, null, null, null);
    }

    static TrailFilters of(Params p) {
        return new TrailFilters(
                clean(p.from()),
                clean(p.to()),
                clean(p.actor()),
                clean(p.code()),
                clean(p.subject()),
                clean(p.result()),
                p.before());
    }

    /** The same filters from the newest entry on. */
    TrailFilters firstPage() {
        return new TrailFilters(from, to, actor, code, subject, result, null);
    }

    /** The query, or the errors by field (message keys) when a field cannot be read. */
    Read read(Clock clock, ActorDirectory actors, List<String> knownCodes) {
        var errors = new LinkedHashMap<String, String>();
        var fromDay = day(from, "from", errors);
        var toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) errors.put("to", "audit.error.range");
        String actorId = null;
        if (!actor.isEmpty()) {
            actorId = isUuid(actor) ? actor : actors.accountOf(actor).orElse(null);
            if (actorId == null) errors.put("actor", "audit.error.actor");
        }
        var zone = clock.getZone();
        var query = new AuditQuery(
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                actorId,
                knownCodes.contains(code) ? code : null,
                subject.isEmpty() ? null : subject,
                result(result),
                before);
        return new Read(query, Map.copyOf(errors));
    }

    /** The filters as request parameters, for the paging and export links (without the page). */
    Map<String, String> parameters() {
        var p = new LinkedHashMap<String, String>();
        put(p, "from", from);
        put(p, "to", to);
        put(p, "actor", actor);
        put(p, "code", code);
        put(p, "subject", subject);
        put(p, "result", result);
        return p;
    }

    record Read(AuditQuery query, Map<String, String> errors) {}

    private static void put(Map<String, String> p, String name, String value) {
        if (!value.isEmpty()) p.put(name, value);
    }

    private static @Nullable LocalDate day(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    private static @Nullable AuditResult result(String text) {
        for (var r : AuditResult.values()) if (r.name().equals(text)) return r;
        return null;
    }

    /** Whether the text is an identifier in its canonical form (as the platform writes actors and objects). */
    static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clean(@Nullable String text) {
        if (text == null) return "";
        var t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
