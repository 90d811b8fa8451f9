package org.tongban.policies.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.policies.PolicyAudit;
import org.tongban.policies.PolicyNotFoundException;
import org.tongban.policies.PolicyRefusedException;

/**
 * The policy officer's use cases: draft, revise, publish (which matches the policy against every profile) and
 * withdraw the department's policies. Only the issuing department's officials find a policy's desk; any other
 * department is refused and the refusal audited. Enterprise-facing reads and benefits are {@link PolicyOffers}.
 */
@Service
public class Policies {

    private final PolicyStore store;
    private final PolicyRules rules;
    private final Matcher matcher;
    private final Departments departments;
    private final CatalogManagement catalog;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(
            PolicyStore store,
            PolicyRules rules,
            Matcher matcher,
            Departments departments,
            CatalogManagement catalog,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.rules = rules;
        this.matcher = matcher;
        this.departments = departments;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's department, or a refusal: only officials of a department publish policies. */
    public String departmentOf(UUID me) {
        return departments.departmentOf(me).orElseThrow(() -> refuse(me, "-", "policies.error.noDepartment"));
    }

    @Transactional(readOnly = true)
    public List<Policy> ofDepartment(UUID me) {
        return store.ofDepartment(departmentOf(me));
    }

    /** A policy of the caller's department; unknown is not found, another department's is refused (audited). */
    @Transactional(readOnly = true)
    public Policy own(UUID me, UUID id) {
        var policy = store.find(id).orElseThrow(PolicyNotFoundException::new);
        if (!policy.department().equals(departmentOf(me)))
            throw refuse(me, id.toString(), "policies.error.otherDepartment");
        return policy;
    }

    @Transactional
    public UUID draft(UUID me, MultiValueMap<String, String> form) {
        var department = departmentOf(me);
        var policy = PolicyForm.read(UUID.randomUUID(), department, form, rules, this::itemExists);
        store.insert(policy, me, Instant.now(clock));
        events.publishEvent(AuditRecord.success(
                PolicyAudit.POLICY_DRAFTED, me.toString(), policy.id().toString(), Map.of("department", department)));
        return policy.id();
    }

    @Transactional
    public void revise(UUID me, UUID id, MultiValueMap<String, String> form) {
        var current = own(me, id);
        if (current.status() != Policy.Status.DRAFT) throw conflict(me, id, "policies.error.notDraft");
        store.update(PolicyForm.read(id, current.department(), form, rules, this::itemExists));
        events.publishEvent(AuditRecord.success(
                PolicyAudit.POLICY_DRAFTED, me.toString(), id.toString(), Map.of("revised", "true")));
    }

    /** Publishes a draft and matches it against every profile; the number of enterprises that match. */
    @Transactional
    public int publish(UUID me, UUID id) {
        var policy = own(me, id);
        var now = Instant.now(clock);
        if (!store.move(id, Policy.Status.DRAFT, Policy.Status.PUBLISHED, now))
            throw conflict(me, id, "policies.error.notDraft");
        var matched = matcher.matchAll(policy, LocalDate.now(clock), now);
        events.publishEvent(AuditRecord.success(
                PolicyAudit.POLICY_PUBLISHED,
                me.toString(),
                id.toString(),
                Map.of("matched", Integer.toString(matched))));
        return matched;
    }

    @Transactional
    public void withdraw(UUID me, UUID id) {
        var policy = own(me, id);
        if (!store.move(id, Policy.Status.PUBLISHED, Policy.Status.WITHDRAWN, Instant.now(clock)))
            throw conflict(me, id, "policies.error.notPublished");
        matcher.forget(policy);
        events.publishEvent(AuditRecord.success(PolicyAudit.POLICY_WITHDRAWN, me.toString(), id.toString(), Map.of()));
    }

    /** The form's values of a draft of the caller's department. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> values(UUID me, UUID id) {
        var policy = own(me, id);
        if (policy.status() != Policy.Status.DRAFT) throw PolicyRefusedException.conflict("policies.error.notDraft");
        return PolicyForm.values(policy);
    }

    /** Whether the code names a published service item that enterprises apply for. */
    boolean itemExists(String code) {
        return catalog.guide(code)
                .filter(i -> i.channels().contains("ENTERPRISE"))
                .isPresent();
    }

    private PolicyRefusedException refuse(UUID me, String subject, String key) {
        audit.recordNow(AuditRecord.denied(PolicyAudit.POLICY_REFUSED, me.toString(), subject, Map.of("reason", key)));
        return PolicyRefusedException.forbidden(key);
    }

    private PolicyRefusedException conflict(UUID me, UUID id, String key) {
        audit.recordNow(
                AuditRecord.denied(PolicyAudit.POLICY_REFUSED, me.toString(), id.toString(), Map.of("reason", key)));
        return PolicyRefusedException.conflict(key);
    }
}
