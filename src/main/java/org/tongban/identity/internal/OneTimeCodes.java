package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.platform.FieldProtection;
import org.tongban.platform.RateLimit;
import org.tongban.platform.RateLimits;
import org.tongban.platform.TooManyRequestsException;
import org.tongban.shared.PhoneNumber;

/**
 * Six-digit one-time codes, sent to the phone only (never to the message centre) and limited per phone and per
 * identifier typed (ADR 0011). Only a keyed hash of each code is stored; a code works once, within its time to live,
 * for its purpose and target, and at most five guesses are allowed before it is spent.
 */
@Component
public class OneTimeCodes {

    static final int MAX_GUESSES = 5;
    private static final Duration DAY = Duration.ofDays(1);
    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final IdentityProperties properties;
    private final SecureRandom random = new SecureRandom();

    private final RateLimits limits;
    private final SignInLimitProperties sending;
    private final NotificationManagement notifications;

    OneTimeCodes(
            JdbcClient jdbc,
            FieldProtection protection,
            IdentityProperties properties,
            RateLimits limits,
            SignInLimitProperties sending,
            NotificationManagement notifications) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.properties = properties;
        this.limits = limits;
        this.sending = sending;
        this.notifications = notifications;
    }

    public enum Purpose {
        SIGN_IN,
        CHANGE_PHONE,
        REGISTER,
        RESET_PASSWORD
    }

    /** What to do when a phone has had its codes: refuse with 429, or send nothing and say so only to the caller. */
    public enum WhenLimited {
        REFUSE,
        SEND_NOTHING
    }

    /**
     * Counts a request for a code under what the person typed (ID number, phone, login name), whether or not it
     * names an account, so that the answer is the same for both: one a cooldown, at most the daily number.
     *
     * @throws TooManyRequestsException when the identifier has had its codes
     */
    public void countRequestFor(String identifier) {
        var typed = identifier.strip().toUpperCase(Locale.ROOT);
        limits.check("code-identifier-cooldown", typed, new RateLimit(1, sending.codeCooldown()), "identifier");
        limits.check("code-identifier-day", typed, new RateLimit(sending.codesPerDay(), DAY), "identifier");
    }

    /**
     * Issues a code and sends it to the phone, and only there: the text never enters the message centre. At most
     * one code per phone a cooldown and the daily number per phone, whatever the purpose; a refused send issues no
     * code, so an earlier one stays valid. Returns false when nothing was sent ({@link WhenLimited#SEND_NOTHING}).
     *
     * @throws TooManyRequestsException when limited and {@link WhenLimited#REFUSE}
     */
    public boolean send(
            UUID accountId,
            Purpose purpose,
            @Nullable String target,
            PhoneNumber phone,
            String templateKey,
            WhenLimited whenLimited) {
        var decision = smsAllowed(phone);
        if (!decision.allowed()) {
            if (whenLimited == WhenLimited.REFUSE) throw new TooManyRequestsException(decision.retryAfter());
            return false;
        }
        var code = issue(accountId, purpose, target);
        notifications.sendOutsideOnly(SendNotification.sms(accountId, phone.value(), templateKey, code));
        return true;
    }

    /** Issues a new code and voids earlier unused ones of the same purpose. Returns the code in clear, to send. */
    public String issue(UUID accountId, Purpose purpose, @Nullable String target) {
        var code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("""
                update identity.one_time_code set used_at = now()
                 where account_id = :a and purpose = :p and used_at is null""").param("a", accountId).param("p", purpose.name()).update();
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
                .param("a", accountId)
                .param("p", purpose.name())
                .param("t", targetIndex(target))
                .param("max", MAX_GUESSES)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .optional();
        if (current.isEmpty()) return false;
        return spend((UUID) current.get()[0], (String) current.get()[1], expected);
    }

    /** One SMS a cooldown and the daily number per phone, counted across nodes, whatever the purpose. */
    private org.tongban.platform.RateLimits.Decision smsAllowed(PhoneNumber phone) {
        var cooldown =
                limits.hit("sms-cooldown", phone.value(), new RateLimit(1, sending.codeCooldown()), phone.masked());
        return cooldown.allowed()
                ? limits.hit("sms-day", phone.value(), new RateLimit(sending.codesPerDay(), DAY), phone.masked())
                : cooldown;
    }

    /**
     * Issues a code for a phone that belongs to no account yet (registration) and voids earlier unused ones for it.
     * Returns the code in clear, to send. The phone's SMS cooldown and daily number hold here too.
     *
     * @throws TooManyRequestsException when the phone has had its codes
     */
    public String issueForPhone(Purpose purpose, String phone) {
        var decision = smsAllowed(PhoneNumber.parse(phone));
        if (!decision.allowed()) throw new TooManyRequestsException(decision.retryAfter());
        var code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("""
                update identity.one_time_code set used_at = now()
                 where account_id is null and purpose = :p and target = :t and used_at is null""").param("p", purpose.name()).param("t", targetIndex(phone)).update();
        jdbc.sql("""
                insert into identity.one_time_code (id, account_id, purpose, target, code_hash, expires_at, created_at)
                values (:id, null, :p, :t, :h, :exp, now())""")
                .param("id", UUID.randomUUID())
                .param("p", purpose.name())
                .param("t", targetIndex(phone))
                .param("h", hash(null, purpose, phone, code))
                .param("exp", Timestamp.from(Instant.now().plus(properties.oneTimeCodeTtl())))
                .update();
        return code;
    }

    /** Like {@link #verify}, for a code issued by {@link #issueForPhone}: five wrong guesses spend it. */
    public boolean verifyForPhone(Purpose purpose, String phone, String code) {
        var expected = hash(null, purpose, phone, code.strip());
        var current = jdbc.sql("""
                select id, code_hash from identity.one_time_code
                 where account_id is null and purpose = :p and target = :t and used_at is null and expires_at > now()
                   and attempts < :max
                 order by created_at desc limit 1 for update""")
                .param("p", purpose.name())
                .param("t", targetIndex(phone))
                .param("max", MAX_GUESSES)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .optional();
        if (current.isEmpty()) return false;
        return spend((UUID) current.get()[0], (String) current.get()[1], expected);
    }

    private boolean spend(UUID id, String stored, String expected) {
        if (java.security.MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update identity.one_time_code set used_at = now() where id = :id")
                    .param("id", id)
                    .update();
            return true;
        }
        jdbc.sql("""
                update identity.one_time_code set attempts = attempts + 1,
                       used_at = case when attempts + 1 >= :max then now() else used_at end where id = :id""").param("max", MAX_GUESSES).param("id", id).update();
        return false;
    }

    /**
     * The target (a new phone) as the table keeps it: a blind index, not the number, which belongs in
     * {@code identity.person} only (issue 9, finding 15).
     */
    private @Nullable String targetIndex(@Nullable String target) {
        return target == null
                ? null
                : HexFormat.of().formatHex(protection.blindIndex(target, "identity.one_time_code.target"));
    }

    private String hash(@Nullable UUID accountId, Purpose purpose, @Nullable String target, String code) {
        var text = (accountId == null ? "-" : accountId.toString()) + "|" + purpose + "|"
                + (target == null ? "" : target) + "|" + code;
        return HexFormat.of().formatHex(protection.mac(text.getBytes(StandardCharsets.UTF_8)));
    }
}
