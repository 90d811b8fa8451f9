package org.tongban.policies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Policies and their conditions (policies.policy, policies.condition). */
@Repository
public class PolicyStore {

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Policy> find(UUID id) {
        return jdbc.sql("select * from policies.policy where id = :id")
                .param("id", id)
                .query((rs, i) -> map(rs, List.of()))
                .optional()
                .map(p -> withConditions(p));
    }

    /** The department's policies, newest first. */
    public List<Policy> ofDepartment(String department) {
        return jdbc.sql("select * from policies.policy where department = :d order by created_at desc")
                .param("d", department)
                .query((rs, i) -> map(rs, List.of()))
                .list();
    }

    /** The published policies with their conditions. */
    public List<Policy> published() {
        return jdbc
                .sql("select * from policies.policy where status = 'PUBLISHED' order by published_at desc")
                .query((rs, i) -> map(rs, List.of()))
                .list()
                .stream()
                .map(this::withConditions)
                .toList();
    }

    public void insert(Policy p, UUID author, Instant at) {
        jdbc.sql("""
                insert into policies.policy (id, department, title_zh, title_en, benefit_zh, benefit_en, documents,
                       service_item, automatic, valid_from, valid_to, status, created_by, created_at)
                values (:id, :d, :tz, :te, :bz, :be, :docs, :item, :auto, :from, :to, 'DRAFT', :by, :at)""")
                .param("id", p.id())
                .param("d", p.department())
                .param("tz", p.titleZh())
                .param("te", p.titleEn())
                .param("bz", p.benefitZh())
                .param("be", p.benefitEn())
                .param("docs", p.documents())
                .param("item", p.serviceItem())
                .param("auto", p.automatic())
                .param("from", p.validFrom())
                .param("to", p.validTo())
                .param("by", author)
                .param("at", Timestamp.from(at))
                .update();
        conditions(p);
    }

    /** Replaces a draft's content. */
    public void update(Policy p) {
        jdbc.sql("""
                update policies.policy set title_zh = :tz, title_en = :te, benefit_zh = :bz, benefit_en = :be,
                       documents = :docs, service_item = :item, automatic = :auto, valid_from = :from, valid_to = :to
                 where id = :id and status = 'DRAFT'""")
                .param("id", p.id())
                .param("tz", p.titleZh())
                .param("te", p.titleEn())
                .param("bz", p.benefitZh())
                .param("be", p.benefitEn())
                .param("docs", p.documents())
                .param("item", p.serviceItem())
                .param("auto", p.automatic())
                .param("from", p.validFrom())
                .param("to", p.validTo())
                .update();
        jdbc.sql("delete from policies.condition where policy_id = :id")
                .param("id", p.id())
                .update();
        conditions(p);
    }

    /** Moves the policy from one status to another; false when it was not in the expected one. */
    public boolean move(UUID id, Policy.Status from, Policy.Status to, Instant at) {
        return jdbc.sql("""
                        update policies.policy set status = :to,
                               published_at = case when :to = 'PUBLISHED' then :at else published_at end
                         where id = :id and status = :from""")
                        .param("id", id)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private void conditions(Policy p) {
        var position = 0;
        for (var c : p.conditions()) {
            jdbc.sql("""
                    insert into policies.condition (policy_id, position, expression, wording_zh, wording_en)
                    values (:id, :pos, :e, :zh, :en)""")
                    .param("id", p.id())
                    .param("pos", position++)
                    .param("e", c.expression())
                    .param("zh", c.wordingZh())
                    .param("en", c.wordingEn())
                    .update();
        }
    }

    private Policy withConditions(Policy p) {
        var conditions = jdbc.sql("""
                        select expression, wording_zh, wording_en from policies.condition
                         where policy_id = :id order by position""")
                .param("id", p.id())
                .query((rs, i) -> new Policy.Condition(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return map(p, conditions);
    }

    private static Policy map(Policy p, List<Policy.Condition> conditions) {
        return new Policy(
                p.id(),
                p.department(),
                p.titleZh(),
                p.titleEn(),
                p.benefitZh(),
                p.benefitEn(),
                p.documents(),
                p.serviceItem(),
                p.automatic(),
                p.validFrom(),
                p.validTo(),
                p.status(),
                p.publishedAt(),
                new ArrayList<>(conditions));
    }

    private static Policy map(ResultSet rs, List<Policy.Condition> conditions) throws SQLException {
        var published = rs.getTimestamp("published_at");
        return new Policy(
                rs.getObject("id", UUID.class),
                rs.getString("department"),
                rs.getString("title_zh"),
                rs.getString("title_en"),
                rs.getString("benefit_zh"),
                rs.getString("benefit_en"),
                rs.getString("documents"),
                rs.getString("service_item"),
                rs.getBoolean("automatic"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                Policy.Status.valueOf(rs.getString("status")),
                published == null ? null : published.toInstant(),
                conditions);
    }
}
