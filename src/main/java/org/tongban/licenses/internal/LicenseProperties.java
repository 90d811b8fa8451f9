package org.tongban.licenses.internal;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the licenses module (application.yml, {@code tongban.licenses}).
 *
 * @param masterKey the SM4 key (16 bytes, base64) that wraps the signing keys' private halves. Empty in the default
 *     profile: a development key is generated in {@code devKeyFile}. The production profile refuses to start without
 *     it, and refuses a key store created under a development key
 * @param devKeyFile where the development master key is kept; empty disables generation (production)
 * @param keySigningPeriod how long an issuer or status key signs before it is replaced
 * @param keyLifetime how long signatures of an issuer or status key verify, counted from its creation
 * @param rootLifetime how long the root key lives
 * @param trustListValidity how long a published trust list is current ({@code nextUpdate})
 * @param statusListTtl how long a published status list is current; nodes rebuild it this often at most
 * @param batchChunk rows signed and inserted per transaction in a batch import
 * @param masterKeyVersion the version of {@code masterKey} (1 to 255): raise it with a new master key to rotate it
 * @param previousMasterKeys older master keys, {@code version:base64} separated by commas: at start-up the signing
 *     keys they wrapped are rewrapped with the current one (docs/adr/0016)
 * @param publicUrl the platform's public address, from which printed and QR links are built (never the Host header)
 */
@ConfigurationProperties(prefix = "tongban.licenses", ignoreUnknownFields = false)
public record LicenseProperties(
        @DefaultValue("") String masterKey,
        @DefaultValue("") String devKeyFile,
        @DefaultValue("P1Y") Period keySigningPeriod,
        @DefaultValue("P10Y") Period keyLifetime,
        @DefaultValue("P20Y") Period rootLifetime,
        @DefaultValue("24h") Duration trustListValidity,
        @DefaultValue("5m") Duration statusListTtl,
        @DefaultValue("1000") int batchChunk,
        @DefaultValue("1") int masterKeyVersion,
        @DefaultValue("") String previousMasterKeys,
        @DefaultValue("http://localhost:8080") String publicUrl) {}
