package org.tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.EnterpriseRegistered;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.RegisterEnterprise;
import org.tongban.identity.Role;
import org.tongban.shared.CreditCode;

/**
 * An approved 企业设立登记 (or 个体工商户设立登记) founds the entity (ADR 0030, addendum): a new unified social credit
 * code valid under GB 32100 (authority 9 市场监管, the category, the registering department's region, an embedded
 * 组织机构代码 {@code MA} + six characters drawn from a sequence, both check characters); the entry in the
 * market-entity register with the founder as its legal representative; the enterprise as a party on Tongban,
 * bound to the founder's account as a claimed enterprise is (a legal representative's grant, the enterprise role).
 * Idempotent per case: a repeated delivery of the approval finds the entity the case founded.
 */
@Service
public class MarketRegistration {

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarketRegistration(
            JdbcClient jdbc,
            AccountStore accounts,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Founds the entity in the caller's transaction and returns its credit code.
     *
     * @throws AccountNotFoundException when the founder's account or person is unknown
     */
    @Transactional
    public CreditCode register(RegisterEnterprise command) {
        var done = jdbc.sql("select credit_code from identity.market_register where founded_by_case = :c")
                .param("c", command.caseNumber())
                .query(String.class)
                .optional();
        if (done.isPresent()) return CreditCode.parse(done.get());
        var founder = jdbc.sql("""
                        select p.id, p.name, p.id_number_idx from identity.account a
                          join identity.person p on p.id = a.person_id where a.id = :a""")
                .param("a", command.founder())
                .query((rs, i) -> new Founder(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new AccountNotFoundException(command.founder()));
        var now = Timestamp.from(clock.instant());
        CreditCode code;
        while (true) {
            long body = jdbc.sql("select nextval('identity.credit_code_body')")
                    .query(Long.class)
                    .single();
            code = CreditCode.compose('9', command.category(), command.regionCode(), "MA" + CreditCode.base31(body, 6));
            // A seeded entry may hold the code already: then the next value of the sequence is drawn.
            int inserted = jdbc.sql("""
                    insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address,
                           industry, region_code, founded_by_case, founded_at)
                    values (:c, :n, :rep, :idx, :addr, :ind, :reg, :case, :now)
                    on conflict (credit_code) do nothing""")
                    .param("c", code.value())
                    .param("n", command.name())
                    .param("rep", founder.name())
                    .param("idx", founder.idIndex())
                    .param("addr", command.address())
                    .param("ind", command.industry())
                    .param("reg", command.regionCode())
                    .param("case", command.caseNumber())
                    .param("now", now)
                    .update();
            if (inserted == 1) break;
        }
        if (!command.bind()) {
            audit.recordNow(AuditRecord.success(
                    IdentityAudit.ENTERPRISE_FOUNDED,
                    command.founder().toString(),
                    code.value(),
                    Map.of("case", command.caseNumber(), "bound", "false")));
            return code;
        }
        var enterprise = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.enterprise (id, credit_code, name, legal_rep_id, address, industry, region_code,
                       trust_level, created_at)
                values (:id, :c, :n, :rep, :addr, :ind, :reg, 3, :now)""")
                .param("id", enterprise)
                .param("c", code.value())
                .param("n", command.name())
                .param("rep", founder.person())
                .param("addr", command.address())
                .param("ind", command.industry())
                .param("reg", command.regionCode())
                .param("now", now)
                .update();
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, status,
                       created_at)
                values (:id, :e, :a, 'LEGAL_REPRESENTATIVE', 'ALL', :now, 'ACTIVE', :now)""")
                .param("id", UUID.randomUUID())
                .param("e", enterprise)
                .param("a", command.founder())
                .param("now", now)
                .update();
        accounts.grantRole(command.founder(), Role.ENTERPRISE_USER, null, null);
        audit.recordNow(AuditRecord.success(
                IdentityAudit.ENTERPRISE_FOUNDED,
                command.founder().toString(),
                code.value(),
                Map.of("case", command.caseNumber(), "bound", "true")));
        events.publishEvent(new EnterpriseRegistered(code.value(), command.name(), command.founder()));
        return code;
    }

    private record Founder(UUID person, String name, byte[] idIndex) {}
}
