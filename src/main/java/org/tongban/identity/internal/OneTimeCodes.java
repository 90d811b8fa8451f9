package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldProtection;

/**
 * Six-digit one-time codes. Only a keyed hash of each code is stored; a code works once, within its time to
 * live, for its purpose and target, and at most five guesses are allowed before it is spent.
 */
@Component
public class OneTimeCodes {

    static final int MAX_GUESSES = 5;
    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final IdentityProperties properties;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc, FieldProtection protection, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.properties = properties;
    }

    public enum Purpose { SIGN_IN, CHANGE_PHONE }

    /** Issues a new code and voids earlier unused ones of the same purpose. Returns the code in clear, to send. */
    public String issue(UUID accountId, Purpose purpose, @Nullable String target) {
        var code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("""
                update identity.one_time_code set used_at = now()
                 where account_id = :a and purpose = :p and used_at is null""")
                .param("a", accountId).param("p", purpose.name()).update();
        jdbc.sql("""
                insert into identity.one_time_code (id, account_id, purpose, target, code_hash, expires_at, created_at)
                values (:id, :a, :p, :t, :h, :exp, now())""")
                .param("id", UUID.randomUUID())
                .param("a", accountId)
                .param("p", purpose.name())
                .param("t", targetIndex(target))
                .param("h", hash(accountId, purpose, target, code))
                .param("exp", Timestamp.from(Instant.now().plus(properties.oneTimeCodeTtl())))
                .update();
        return code;
    }

    /**
     * Spends the current code if it matches. A wrong guess counts against the code; the fifth wrong guess spends
     * it. Returns true only for a correct, unexpired, unused code for this purpose and target.
     */
    public boolean verify(UUID accountId, Purpose purpose, @Nullable String target, String code) {
        var expected = hash(accountId, purpose, target, code.strip());
        var current = jdbc.sql("""
                select id, code_hash from identity.one_time_code
                 where account_id = :a and purpose = :p and used_at is null and expires_at > now()
                   and attempts < :max and coalesce(target, '') = coalesce(:t, '')
                 order by created_at desc limit 1 for update""")
                .param("a", accountId).param("p", purpose.name()).param("t", targetIndex(target)).param("max", MAX_GUESSES)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .optional();
        if (current.isEmpty()) return false;
        var id = (UUID) current.get()[0];
        if (java.security.MessageDigest.isEqual(((String) current.get()[1]).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update identity.one_time_code set used_at = now() where id = :id").param("id", id).update();
            return true;
        }
        jdbc.sql("""
                update identity.one_time_code set attempts = attempts + 1,
                       used_at = case when attempts + 1 >= :max then now() else used_at end where id = :id""")
                .param("max", MAX_GUESSES).param("id", id).update();
        return false;
    }

    /**
     * The target (a new phone) as the table keeps it: a blind index, not the number, which belongs in
     * {@code identity.person} only (issue 9, finding 15).
     */
    private @Nullable String targetIndex(@Nullable String target) {
        return target == null ? null
                : HexFormat.of().formatHex(protection.blindIndex(target, "identity.one_time_code.target"));
    }

    private String hash(UUID accountId, Purpose purpose, @Nullable String target, String code) {
        var text = accountId + "|" + purpose + "|" + (target == null ? "" : target) + "|" + code;
        return HexFormat.of().formatHex(protection.mac(text.getBytes(StandardCharsets.UTF_8)));
    }
}
