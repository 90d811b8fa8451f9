package org.tongban.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.exchange.ExchangeAudit;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.identity.Persons;
import org.tongban.shared.Refusal;

/**
 * The data subject's side (ADR 0033, PIPL): consent to a grant's purpose, given once and withdrawable; and the
 * reads of one's data from the call log (who, what, when, why), the refused ones too.
 */
@Service("exchangeConsents")
public class Consents {

    private final JdbcClient jdbc;
    private final AccessRequests requests;
    private final Catalogue catalogue;
    private final Persons persons;
    private final SubjectKeys keys;
    private final AuditManagement audit;
    private final Clock clock;

    Consents(
            JdbcClient jdbc,
            AccessRequests requests,
            Catalogue catalogue,
            Persons persons,
            SubjectKeys keys,
            AuditManagement audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.catalogue = catalogue;
        this.persons = persons;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A grant that may read the citizen's data with consent, and whether the citizen consented. */
    public record ConsentView(RequestView grant, @Nullable Instant givenAt) {
        public boolean given() {
            return givenAt != null;
        }
    }

    /** A read of the citizen's data through the gateway. */
    public record ReadView(
            long seq,
            Instant at,
            String resourceCode,
            String resourceName,
            @Nullable String department,
            @Nullable String departmentNameZh,
            @Nullable String departmentNameEn,
            @Nullable String purpose,
            List<String> fields,
            String result) {}

    private byte[] subjectOf(UUID citizen) {
        var id = persons.ownFacts(citizen).get("idNumber");
        if (id == null) throw new ExchangeRefusedException(Refusal.Kind.NOT_FOUND, "exchange.error.notFound");
        return keys.index(id);
    }

    /** Whether the subject consented to this grant (and has not withdrawn). */
    public boolean consented(UUID request, byte[] subjectIndex) {
        return jdbc.sql("select count(*) from exchange.consent where request_id = :r and subject_idx = :s"
                                + " and withdrawn_at is null")
                        .param("r", request)
                        .param("s", subjectIndex)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public List<ConsentView> mine(UUID citizen) {
        var subject = subjectOf(citizen);
        return requests.needingConsent().stream()
                .map(g -> new ConsentView(
                        g,
                        jdbc.sql("select given_at from exchange.consent where request_id = :r and subject_idx = :s"
                                        + " and withdrawn_at is null")
                                .param("r", g.id())
                                .param("s", subject)
                                .query(Timestamp.class)
                                .optional()
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .toList();
    }

    @Transactional
    public void give(UUID citizen, UUID request) {
        var grant = requests.needingConsent().stream()
                .filter(g -> g.id().equals(request))
                .findFirst()
                .orElseThrow(ExchangeRefusedException::notFound);
        var subject = subjectOf(citizen);
        if (consented(request, subject)) return; // given once
        jdbc.sql("""
                insert into exchange.consent (id, request_id, subject_idx, account_id, given_at)
                values (:id, :r, :s, :a, :at)""")
                .param("id", UUID.randomUUID())
                .param("r", request)
                .param("s", subject)
                .param("a", citizen)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_CONSENT_GIVEN,
                citizen.toString(),
                grant.resourceCode(),
                Map.of("request", request.toString(), "requester", grant.requesterDepartment())));
    }

    @Transactional
    public void withdraw(UUID citizen, UUID request) {
        var subject = subjectOf(citizen);
        int n = jdbc.sql("""
                update exchange.consent set withdrawn_at = :at
                 where request_id = :r and subject_idx = :s and withdrawn_at is null""")
                .param("at", Timestamp.from(clock.instant()))
                .param("r", request)
                .param("s", subject)
                .update();
        if (n == 0) throw new ExchangeRefusedException(Refusal.Kind.NOT_FOUND, "exchange.error.notFound");
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_CONSENT_WITHDRAWN, citizen.toString(), request.toString(), Map.of()));
    }

    /** Every call about the citizen, newest first. */
    @Transactional(readOnly = true)
    public List<ReadView> reads(UUID citizen, org.tongban.identity.Departments departments) {
        var subject = subjectOf(citizen);
        var resources = new java.util.HashMap<String, java.util.Optional<ResourceView>>();
        return jdbc.sql("""
                select l.seq, l.called_at, l.resource_code, coalesce(r.name, l.resource_code), l.requester_department,
                       l.purpose, l.fields, l.result
                  from exchange.call_log l left join exchange.resource r on r.code = l.resource_code
                 where l.subject_idx = :s order by l.seq desc limit 200""")
                .param("s", subject)
                .query((rs, i) -> {
                    var dept = rs.getString(5);
                    var d = dept == null
                            ? java.util.Optional.<org.tongban.identity.DepartmentView>empty()
                            : departments.department(dept);
                    var fields = rs.getString(7);
                    var resource = resources.computeIfAbsent(rs.getString(3), catalogue::find);
                    var labels = fields.isEmpty()
                            ? List.<String>of()
                            : java.util.Arrays.stream(fields.split(","))
                                    .map(f -> resource.map(r -> r.labelOf(f)).orElse(f))
                                    .toList();
                    return new ReadView(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            dept,
                            d.map(x -> x.nameZh()).orElse(dept),
                            d.map(x -> x.nameEn()).orElse(dept),
                            rs.getString(6),
                            labels,
                            rs.getString(8));
                })
                .list();
    }
}
