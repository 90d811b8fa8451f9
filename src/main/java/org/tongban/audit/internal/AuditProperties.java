package org.tongban.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that seals the audit chain, and the checkpoints kept outside the database (ADR 0014).
 *
 * @param chainKey           HMAC-SM3 key, 32 bytes, base64 ({@code TONGBAN_AUDIT_KEY}); never stored in the database
 * @param devKeyFile         where the default profile keeps a generated development key; empty disables generation
 * @param checkpointFile     file that receives a signed checkpoint of the chain's head; keep it (or ship it) where the
 *                           database's administrators cannot write
 * @param checkpointInterval how often the head is checkpointed when it has moved
 */
@ConfigurationProperties(prefix = "tongban.audit", ignoreUnknownFields = false)
public record AuditProperties(String chainKey, String devKeyFile, String checkpointFile, Duration checkpointInterval) {}
