package org.tongban.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.platform.internal.RateLimitProperties;

/**
 * Rate limits that hold across nodes: each hit is one atomic upsert on {@code platform.rate_limit} in PostgreSQL
 * (ADR 0011), so two nodes count into the same row. Fixed windows: a window starts with its first hit and ends
 * {@link RateLimit#per} later; hits beyond the limit are refused until then and do not extend the window, so a
 * flood cannot keep anyone out longer than one window. Counts are written in a transaction of their own: a refusal
 * that rolls back the caller's transaction must still count.
 */
@Service
public class RateLimits {

    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final AuditManagement audit;
    private final RateLimitProperties properties;

    RateLimits(JdbcClient jdbc, FieldProtection protection, AuditManagement audit, RateLimitProperties properties) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.audit = audit;
        this.properties = properties;
    }

    /** How one hit went: allowed, or refused with the time until the window ends. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    /**
     * Counts a hit of {@code subject} under {@code rule} and says whether it is within the limit. The first refusal
     * of a window is audited as {@code RATE_LIMITED} with {@code who} (an IP address or a masked phone).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision hit(String rule, String subject, RateLimit limit, String who) {
        int allowed = (int) Math.min(Integer.MAX_VALUE, (long) limit.requests() * properties.factor());
        var row = jdbc.sql("""
                insert into platform.rate_limit (key, hits, window_ends) values (:key, 1, now() + make_interval(secs => :seconds))
                on conflict (key) do update set
                    hits = case when rate_limit.window_ends <= now() then 1 else rate_limit.hits + 1 end,
                    window_ends = case when rate_limit.window_ends <= now() then excluded.window_ends
                                       else rate_limit.window_ends end
                returning hits, window_ends, now()""")
                .param("key", rule + ":" + digest(rule, subject))
                .param("seconds", limit.per().toMillis() / 1000.0)
                .query((rs, i) -> new Object[] {
                    rs.getInt(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant()
                })
                .single();
        int hits = (int) row[0];
        if (hits <= allowed) return new Decision(true, Duration.ZERO);
        if (hits == allowed + 1)
            audit.recordNow(new RateLimited(rule, who, allowed, limit.per().toSeconds()));
        var retryAfter = Duration.between((Instant) row[2], (Instant) row[1]);
        return new Decision(false, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
    }

    /** Like {@link #hit}, but a refusal throws {@link TooManyRequestsException} (429 with Retry-After). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void check(String rule, String subject, RateLimit limit, String who) {
        var decision = hit(rule, subject, limit, who);
        if (!decision.allowed()) throw new TooManyRequestsException(decision.retryAfter());
    }

    /** Ended windows are of no use; every node may run this, deleting twice is harmless. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @Transactional
    public void forgetEndedWindows() {
        jdbc.sql("delete from platform.rate_limit where window_ends < now()").update();
    }

    // Keyed, so that the table holds no phone numbers or addresses, and truncated: 128 bits tell keys apart.
    private String digest(String rule, String subject) {
        var mac = protection.mac((rule + "\u001f" + subject).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }
}
