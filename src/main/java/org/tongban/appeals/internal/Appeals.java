package org.tongban.appeals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.appeals.AppealAudit;
import org.tongban.appeals.AppealRefusedException;
import org.tongban.appeals.InvalidAppealException;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.platform.PlatformCalendar;

/**
 * Requests from submission to rating: routed by category and the requester's city (ADR 0041), handled only by the
 * officials of the department they are routed to (another department's official is told not found, and the refusal
 * is audited), rated by the requester and reopened once.
 */
@Service
public class Appeals {

    /** Working days the department has to reply, from routing (and again from a reopening). */
    public static final int REPLY_DAYS = 10;

    static final int TITLE_MAX = 60;
    static final int BODY_MAX = 2000;
    static final int NOTE_MAX = 500;

    /** Who asks: an account acting for an enterprise (its code and name) or as a person (both null), in a city. */
    public record Requester(
            UUID account,
            @Nullable String creditCode,
            @Nullable String enterpriseName,
            String city) {}

    private final AppealStore store;
    private final Departments departments;
    private final PlatformCalendar calendar;
    private final AuditManagement audit;
    private final java.time.Clock clock;

    Appeals(
            AppealStore store,
            Departments departments,
            PlatformCalendar calendar,
            AuditManagement audit,
            java.time.Clock clock) {
        this.clock = clock;
        this.store = store;
        this.departments = departments;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The text as stored: without the NUL characters PostgreSQL cannot hold, and without surrounding blanks. */
    static String text(@Nullable String value) {
        return value == null ? "" : value.replace("\u0000", "").strip();
    }

    /** The city of a region code: its first four digits ({@code 440106} is in {@code 440100}). */
    public static String cityOf(String regionCode) {
        return regionCode.length() >= 4 ? regionCode.substring(0, 4) + "00" : regionCode;
    }

    @Transactional
    public UUID submit(Requester who, Map<String, String> form) {
        var errors = new LinkedHashMap<String, String>();
        var kind = Kind.parse(form.getOrDefault("kind", ""));
        if (kind.isEmpty()) errors.put("kind", "appeals.error.kind");
        var category = Category.parse(form.getOrDefault("category", ""));
        DepartmentView department = null;
        if (category.isEmpty()) errors.put("category", "appeals.error.category");
        else {
            department = route(category.get(), who.city());
            if (department == null) errors.put("category", "appeals.error.noDepartment");
        }
        var title = text(form.getOrDefault("title", ""));
        if (title.isEmpty()) errors.put("title", "appeals.error.title.blank");
        else if (title.length() > TITLE_MAX) errors.put("title", "appeals.error.title.long");
        var body = text(form.getOrDefault("body", ""));
        if (body.length() < 10) errors.put("body", "appeals.error.body.short");
        else if (body.length() > BODY_MAX) errors.put("body", "appeals.error.body.long");
        if (!errors.isEmpty() || department == null) throw new InvalidAppealException(errors);
        var id = UUID.randomUUID();
        var today = LocalDate.now(clock);
        var number = store.nextNumber(today);
        store.insert(new AppealStore.Row(
                id,
                number,
                kind.get().name(),
                category.get().name(),
                who.city(),
                title,
                body,
                who.account(),
                who.creditCode(),
                who.enterpriseName(),
                department.code(),
                "SUBMITTED",
                Instant.now(),
                today,
                calendar.addWorkingDays(today, REPLY_DAYS),
                null,
                null,
                null,
                false));
        store.event(id, "SUBMITTED", who.account(), department.code(), null);
        audit.recordWithin(AuditRecord.success(
                AppealAudit.APPEAL_SUBMITTED,
                who.account().toString(),
                id.toString(),
                Map.of(
                        "department",
                        department.code(),
                        "category",
                        category.get().name())));
        return id;
    }

    /** The department of the category's type in the city; none when the city has no such department. */
    @Nullable
    DepartmentView route(Category category, String city) {
        return departments.departments().stream()
                .filter(d -> d.code().endsWith("-" + category.departmentType()) && city.equals(d.regionCode()))
                .findFirst()
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public List<AppealStore.Row> mine(UUID me, @Nullable String creditCode) {
        return store.ofRequester(me, creditCode);
    }

    /** What happened to a request, in order; callers pass a request they found for the caller. */
    @Transactional(readOnly = true)
    public List<AppealStore.Event> history(UUID id) {
        return store.events(id);
    }

    /** The requester's own request in this channel; anyone else's is not found. */
    @Transactional(readOnly = true)
    public AppealStore.Row own(UUID me, @Nullable String creditCode, UUID id) {
        return store.find(id)
                .filter(r -> r.requester().equals(me) && java.util.Objects.equals(r.creditCode(), creditCode))
                .orElseThrow(() -> refuse(me, id, "NOT_REQUESTER", Refusal.NOT_FOUND));
    }

    @Transactional
    public void rate(UUID me, @Nullable String creditCode, UUID id, String rating) {
        store.lock(id);
        var r = own(me, creditCode, id);
        if (!List.of("SATISFIED", "BASIC", "UNSATISFIED").contains(rating))
            throw new InvalidAppealException(Map.of("rating", "appeals.error.rating"));
        if (!r.status().equals("ANSWERED")) throw refuse(me, id, "NOT_ANSWERED", Refusal.CONFLICT);
        store.update(id, "status = 'CLOSED', rating = :rating", Map.of("rating", rating));
        store.event(id, "RATED", me, r.departmentCode(), rating);
        audit.recordWithin(
                AuditRecord.success(AppealAudit.APPEAL_RATED, me.toString(), id.toString(), Map.of("rating", rating)));
    }

    /** Reopens an answered request the requester is not satisfied with, once, with a reason. */
    @Transactional
    public void reopen(UUID me, @Nullable String creditCode, UUID id, String reason) {
        store.lock(id);
        var r = own(me, creditCode, id);
        var clean = text(reason);
        if (clean.isEmpty()) throw new InvalidAppealException(Map.of("reason", "appeals.error.reason.blank"));
        if (clean.length() > NOTE_MAX) throw new InvalidAppealException(Map.of("reason", "appeals.error.reason.long"));
        if (r.reopened()) throw refuse(me, id, "REOPENED_BEFORE", Refusal.CONFLICT);
        if (!canReopen(r)) throw refuse(me, id, "NOT_REOPENABLE", Refusal.CONFLICT);
        var today = LocalDate.now(clock);
        store.update(
                id,
                "status = 'ACCEPTED', reopened = true, reopen_reason = :reason, rating = null, routed_at = :today,"
                        + " deadline = :deadline",
                Map.of(
                        "reason",
                        clean,
                        "today",
                        java.sql.Date.valueOf(today),
                        "deadline",
                        java.sql.Date.valueOf(calendar.addWorkingDays(today, REPLY_DAYS))));
        store.event(id, "REOPENED", me, r.departmentCode(), clean);
        audit.recordWithin(AuditRecord.success(AppealAudit.APPEAL_REOPENED, me.toString(), id.toString(), Map.of()));
    }

    /** Answered (rated or not) and not rated satisfied, and not reopened before. */
    public static boolean canReopen(AppealStore.Row r) {
        return !r.reopened()
                && (r.status().equals("ANSWERED")
                        || (r.status().equals("CLOSED")
                                && !"SATISFIED".equals(r.rating())
                                && !"BASIC".equals(r.rating())));
    }

    enum Refusal {
        NOT_FOUND,
        CONFLICT
    }

    AppealRefusedException refuse(UUID me, UUID id, String reason, Refusal kind) {
        audit.recordNow(
                AuditRecord.denied(AppealAudit.APPEAL_REFUSED, me.toString(), id.toString(), Map.of("reason", reason)));
        return kind == Refusal.NOT_FOUND
                ? AppealRefusedException.notFound()
                : AppealRefusedException.conflict("appeals.error." + reason);
    }
}
