package org.tongban.policies.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.identity.Enterprises;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.policies.PolicyAudit;
import org.tongban.policies.PolicyNotFoundException;
import org.tongban.policies.PolicyRefusedException;
import org.tongban.shared.Bilingual;

/**
 * What an enterprise gets from the policy library: the policies it matches with the reasons and those it nearly
 * matches, applying for one in one step, and the benefits granted without application (免申即享) once the issuing
 * department has confirmed the matched list. Eligibility is evaluated again on the current profile before anything is
 * granted or opened: a stale verdict never grants a benefit. Profile changes re-match here too.
 */
@Service
public class PolicyOffers {

    private final PolicyStore store;
    private final ProfileStore profiles;
    private final Matcher matcher;
    private final Policies policies;
    private final Departments departments;
    private final Enterprises enterprises;
    private final CatalogManagement catalog;
    private final NotificationManagement notifications;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyOffers(
            PolicyStore store,
            ProfileStore profiles,
            Matcher matcher,
            Policies policies,
            Departments departments,
            Enterprises enterprises,
            CatalogManagement catalog,
            NotificationManagement notifications,
            AuditManagement audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.matcher = matcher;
        this.policies = policies;
        this.departments = departments;
        this.enterprises = enterprises;
        this.catalog = catalog;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The enterprise's matched and nearly matched policies in force, each with its reasons. */
    @Transactional(readOnly = true)
    public PolicyViews.Offers offers(String creditCode, Locale locale) {
        if (profiles.find(creditCode).isEmpty()) return new PolicyViews.Offers(false, List.of(), List.of());
        var today = LocalDate.now(clock);
        var granted = new LinkedHashSet<>(jdbc.sql("select policy_id from policies.benefit where credit_code = :c")
                .param("c", creditCode)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list());
        var matched = new ArrayList<PolicyViews.Offer>();
        var near = new ArrayList<PolicyViews.Offer>();
        jdbc.sql("select policy_id, met from policies.match where credit_code = :c")
                .param("c", creditCode)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .forEach(row -> store.find(row.getKey())
                        .filter(p -> p.inForce(today))
                        .ifPresent(p -> {
                            var met = Matcher.decode(row.getValue());
                            if (met.length != p.conditions().size()) return;
                            var offer = offer(p, met, granted.contains(p.id()), locale);
                            (offer.matched() ? matched : near).add(offer);
                        }));
        return new PolicyViews.Offers(true, matched, near);
    }

    private PolicyViews.Offer offer(Policy p, boolean[] met, boolean granted, Locale locale) {
        var reasons = new ArrayList<PolicyViews.Reason>();
        for (int i = 0; i < met.length; i++) {
            var c = p.conditions().get(i);
            reasons.add(new PolicyViews.Reason(Bilingual.pick(locale, c.wordingZh(), c.wordingEn()), met[i]));
        }
        var item = p.serviceItem();
        @Nullable
        String itemName = item == null
                ? null
                : catalog.guide(item)
                        .map(v -> Bilingual.pick(locale, v.nameZh(), v.nameEn()))
                        .orElse(null);
        return new PolicyViews.Offer(
                p.id(),
                Bilingual.pick(locale, p.titleZh(), p.titleEn()),
                departmentName(p.department(), locale),
                Bilingual.pick(locale, p.benefitZh(), p.benefitEn()),
                p.documentLines(),
                p.validTo(),
                p.automatic(),
                itemName == null ? null : item,
                itemName,
                Matcher.full(met),
                granted,
                reasons);
    }

    /** The benefits granted to the enterprise without application, newest first. */
    @Transactional(readOnly = true)
    public List<PolicyViews.Benefit> benefits(String creditCode, Locale locale) {
        return jdbc.sql("""
                        select b.policy_id, p.title_zh, p.title_en, p.department, p.benefit_zh, p.benefit_en, b.granted_at
                          from policies.benefit b join policies.policy p on p.id = b.policy_id
                         where b.credit_code = :c order by b.granted_at desc""")
                .param("c", creditCode)
                .query((rs, i) -> new PolicyViews.Benefit(
                        rs.getObject(1, UUID.class),
                        Bilingual.pick(locale, rs.getString(2), rs.getString(3)),
                        departmentName(rs.getString(4), locale),
                        Bilingual.pick(locale, rs.getString(5), rs.getString(6)),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The enterprises that match a policy of the caller's department, and whether each has the benefit. */
    @Transactional(readOnly = true)
    public List<PolicyViews.Match> matches(UUID me, UUID policyId) {
        policies.own(me, policyId);
        return jdbc.sql("""
                        select m.credit_code, e.name, e.region, e.size, (b.id is not null)
                          from policies.match m
                          join policies.enterprise_profile e on e.credit_code = m.credit_code
                          left join policies.benefit b on b.policy_id = m.policy_id and b.credit_code = m.credit_code
                         where m.policy_id = :p and m.full_match order by e.name""")
                .param("p", policyId)
                .query((rs, i) -> new PolicyViews.Match(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * Grants a 免申即享 policy's benefit to these enterprises, which the department confirmed from the matched list:
     * each must match on its current profile, or nothing is granted (the refusal audited). Each enterprise's accounts
     * get a message. An enterprise that already has the benefit is skipped; the number newly granted.
     */
    @Transactional
    public int grant(UUID me, UUID policyId, List<String> creditCodes) {
        var policy = policies.own(me, policyId);
        if (!policy.automatic() || !policy.inForce(LocalDate.now(clock)))
            throw refuse(
                    me,
                    policyId.toString(),
                    "policies.error.notAutomatic",
                    PolicyRefusedException.conflict("policies.error.notAutomatic"));
        if (creditCodes.isEmpty()) throw PolicyRefusedException.conflict("policies.error.noneChosen");
        var programs = matcher.programs(policy);
        var today = LocalDate.now(clock);
        for (var code : creditCodes) {
            var profile = profiles.find(code);
            if (profile.isEmpty() || !Matcher.full(matcher.evaluate(programs, profile.get(), today)))
                throw refuse(
                        me,
                        policyId.toString(),
                        "policies.error.notEligible",
                        PolicyRefusedException.forbidden("policies.error.notEligible"));
        }
        var now = Instant.now(clock);
        var granted = 0;
        for (var code : new LinkedHashSet<>(creditCodes)) {
            var inserted = jdbc.sql("""
                            insert into policies.benefit (id, policy_id, credit_code, granted_by, granted_at)
                            values (:id, :p, :c, :by, :at) on conflict (policy_id, credit_code) do nothing""")
                    .param("id", UUID.randomUUID())
                    .param("p", policyId)
                    .param("c", code)
                    .param("by", me)
                    .param("at", Timestamp.from(now))
                    .update();
            if (inserted == 0) continue;
            granted++;
            for (var account : enterprises.accountsActingFor(code))
                notifications.send(SendNotification.inApp(
                        account, "policies.message.benefit", policy.titleZh(), policy.titleEn()));
            events.publishEvent(AuditRecord.success(
                    PolicyAudit.POLICY_BENEFITS_GRANTED, me.toString(), code, Map.of("policy", policyId.toString())));
        }
        return granted;
    }

    /**
     * Opens the application for a policy the enterprise matches now: the address of its service item's form. A
     * policy it does not match, a 免申即享 policy or one without an item is refused (audited).
     */
    @Transactional
    public String apply(UUID me, String creditCode, UUID policyId) {
        var today = LocalDate.now(clock);
        var policy = store.find(policyId).filter(p -> p.inForce(today)).orElseThrow(PolicyNotFoundException::new);
        var item = policy.serviceItem();
        if (policy.automatic() || item == null)
            throw refuse(
                    me,
                    policyId.toString(),
                    "policies.error.noApplication",
                    PolicyRefusedException.conflict("policies.error.noApplication"));
        var profile = profiles.find(creditCode);
        if (profile.isEmpty() || !Matcher.full(matcher.evaluate(matcher.programs(policy), profile.get(), today)))
            throw refuse(
                    me,
                    policyId.toString(),
                    "policies.error.notEligible",
                    PolicyRefusedException.forbidden("policies.error.notEligible"));
        events.publishEvent(AuditRecord.success(
                PolicyAudit.POLICY_APPLY_OPENED, me.toString(), creditCode, Map.of("policy", policyId.toString())));
        return "/business/apply/" + item;
    }

    /** Replaces an enterprise's profile and re-matches it against every published policy. */
    @Transactional
    public void updateProfile(String actor, Profile profile) {
        var now = Instant.now(clock);
        profiles.save(profile, now);
        matcher.rematch(profile, LocalDate.now(clock), now);
        events.publishEvent(
                AuditRecord.success(PolicyAudit.POLICY_PROFILE_UPDATED, actor, profile.creditCode(), Map.of()));
    }

    private String departmentName(String code, Locale locale) {
        return departments
                .department(code)
                .map(d -> Bilingual.pick(locale, d.nameZh(), d.nameEn()))
                .orElse(code);
    }

    private PolicyRefusedException refuse(UUID me, String subject, String key, PolicyRefusedException e) {
        audit.recordNow(AuditRecord.denied(PolicyAudit.POLICY_REFUSED, me.toString(), subject, Map.of("reason", key)));
        return e;
    }
}
