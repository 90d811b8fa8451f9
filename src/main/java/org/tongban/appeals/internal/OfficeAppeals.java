package org.tongban.appeals.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.appeals.AppealAudit;
import org.tongban.appeals.InvalidAppealException;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;

/**
 * The department's side: its officials (and department admins) list, accept, transfer with a reason and reply to
 * the requests routed to their own department only. Another department's request is not found, and audited.
 */
@Service
public class OfficeAppeals {

    private final AppealStore store;
    private final Departments departments;
    private final Appeals appeals;
    private final AuditManagement audit;

    OfficeAppeals(AppealStore store, Departments departments, Appeals appeals, AuditManagement audit) {
        this.store = store;
        this.departments = departments;
        this.appeals = appeals;
        this.audit = audit;
    }

    /** The official's department's requests, open ones (nearest deadline first) or handled ones. */
    @Transactional(readOnly = true)
    public List<AppealStore.Row> list(UUID me, boolean open) {
        return departments
                .departmentOf(me)
                .map(d -> store.ofDepartment(d, open))
                .orElse(List.of());
    }

    /** One request of the official's own department; any other is not found (the refusal audited). */
    @Transactional(readOnly = true)
    public AppealStore.Row one(UUID me, UUID id) {
        var mine = departments.departmentOf(me);
        return store.find(id)
                .filter(r -> mine.isPresent() && r.departmentCode().equals(mine.get()))
                .orElseThrow(() -> appeals.refuse(me, id, "OTHER_DEPARTMENT", Appeals.Refusal.NOT_FOUND));
    }

    /** The departments a request may be transferred to: every other one. */
    @Transactional(readOnly = true)
    public List<DepartmentView> transferTargets(UUID me) {
        var mine = departments.departmentOf(me).orElse("");
        return departments.departments().stream()
                .filter(d -> !d.code().equals(mine))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AppealStore.Event> events(UUID id) {
        return store.events(id);
    }

    @Transactional
    public void accept(UUID me, UUID id) {
        store.lock(id);
        var r = one(me, id);
        if (!r.status().equals("SUBMITTED")) throw appeals.refuse(me, id, "NOT_WAITING", Appeals.Refusal.CONFLICT);
        store.update(id, "status = 'ACCEPTED'", Map.of());
        store.event(id, "ACCEPTED", me, r.departmentCode(), null);
        audit.recordWithin(AuditRecord.success(AppealAudit.APPEAL_ACCEPTED, me.toString(), id.toString(), Map.of()));
    }

    @Transactional
    public void transfer(UUID me, UUID id, String target, String reason) {
        store.lock(id);
        var r = one(me, id);
        var clean = Appeals.text(reason);
        var errors = new java.util.LinkedHashMap<String, String>();
        if (target.equals(r.departmentCode()) || departments.department(target).isEmpty())
            errors.put("target", "appeals.error.target");
        if (clean.isEmpty()) errors.put("reason", "appeals.error.reason.blank");
        else if (clean.length() > Appeals.NOTE_MAX) errors.put("reason", "appeals.error.reason.long");
        if (!errors.isEmpty()) throw new InvalidAppealException(errors);
        if (!open(r)) throw appeals.refuse(me, id, "NOT_OPEN", Appeals.Refusal.CONFLICT);
        store.update(id, "status = 'SUBMITTED', department_code = :target", Map.of("target", target));
        store.event(id, "TRANSFERRED", me, r.departmentCode(), clean);
        audit.recordWithin(AuditRecord.success(
                AppealAudit.APPEAL_TRANSFERRED,
                me.toString(),
                id.toString(),
                Map.of("from", r.departmentCode(), "to", target)));
    }

    @Transactional
    public void reply(UUID me, UUID id, String text) {
        store.lock(id);
        var r = one(me, id);
        var clean = Appeals.text(text);
        if (clean.length() < 10) throw new InvalidAppealException(Map.of("reply", "appeals.error.reply.short"));
        if (clean.length() > Appeals.BODY_MAX)
            throw new InvalidAppealException(Map.of("reply", "appeals.error.reply.long"));
        if (!open(r)) throw appeals.refuse(me, id, "NOT_OPEN", Appeals.Refusal.CONFLICT);
        store.update(
                id,
                "status = 'ANSWERED', reply = :reply, replied_by = :me, replied_at = :at",
                Map.of("reply", clean, "me", me, "at", java.sql.Timestamp.from(Instant.now())));
        store.event(id, "REPLIED", me, r.departmentCode(), null);
        audit.recordWithin(AuditRecord.success(AppealAudit.APPEAL_REPLIED, me.toString(), id.toString(), Map.of()));
    }

    static boolean open(AppealStore.Row r) {
        return r.status().equals("SUBMITTED") || r.status().equals("ACCEPTED");
    }
}
