package org.tongban.platform;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditCode;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;

/**
 * A rate limit refused its first request of a window. Only the first: a flood must not flood the audit trail too.
 *
 * @param rule  the rule's name ({@code sign-in}, {@code sms-cooldown}, ...)
 * @param who   what was limited, fit for the trail: an IP address or a masked phone
 */
public record RateLimited(String rule, String who, int limit, long windowSeconds) implements Audited {

    public enum Code implements AuditCode {
        RATE_LIMITED
    }

    @Override
    public AuditCode auditCode() {
        return Code.RATE_LIMITED;
    }

    @Override
    public @Nullable String auditActor() {
        return null;
    }

    @Override
    public String auditSubject() {
        return rule;
    }

    @Override
    public AuditResult auditResult() {
        return AuditResult.DENIED;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("who", who, "limit", Integer.toString(limit), "seconds", Long.toString(windowSeconds));
    }
}
