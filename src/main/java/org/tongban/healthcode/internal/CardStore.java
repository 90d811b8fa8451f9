package org.tongban.healthcode.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.healthcode.HealthStatus;

/** The offline cards printed (healthcode.card). */
@Component
class CardStore {

    /** A printed card. */
    public record Card(
            UUID id,
            String code,
            @Nullable UUID owner,
            UUID printedBy,
            String subjectName,
            String subjectMasked,
            HealthStatus status,
            String token,
            Instant issuedAt,
            Instant validUntil) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(validUntil);
        }
    }

    private final JdbcClient jdbc;

    CardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Card c) {
        jdbc.sql("""
                insert into healthcode.card (id, code, owner_account, printed_by, subject_name, subject_masked, status,
                       token, issued_at, valid_until) values (:id, :code, :o, :p, :n, :m, :s, :t, :i, :u)""")
                .param("id", c.id())
                .param("code", c.code())
                .param("o", c.owner())
                .param("p", c.printedBy())
                .param("n", c.subjectName())
                .param("m", c.subjectMasked())
                .param("s", c.status().name())
                .param("t", c.token())
                .param("i", Timestamp.from(c.issuedAt()))
                .param("u", Timestamp.from(c.validUntil()))
                .update();
    }

    boolean printed(String code) {
        return jdbc.sql("select count(*) from healthcode.card where code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Card> find(UUID id) {
        return jdbc.sql("select * from healthcode.card where id = :id")
                .param("id", id)
                .query(CardStore::row)
                .optional();
    }

    /** Cards a citizen printed for themself, or an official printed at the window, newest first. */
    List<Card> byOwner(UUID owner) {
        return jdbc.sql("select * from healthcode.card where owner_account = :o order by issued_at desc limit 20")
                .param("o", owner)
                .query(CardStore::row)
                .list();
    }

    List<Card> byPrinter(UUID printer) {
        return jdbc.sql("""
                select * from healthcode.card where printed_by = :p and owner_account is null
                 order by issued_at desc limit 20""").param("p", printer).query(CardStore::row).list();
    }

    private static Card row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Card(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getObject("owner_account", UUID.class),
                rs.getObject("printed_by", UUID.class),
                rs.getString("subject_name"),
                rs.getString("subject_masked"),
                HealthStatus.valueOf(rs.getString("status")),
                rs.getString("token"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant());
    }
}
