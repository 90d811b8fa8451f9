package org.tongban.licenses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.LicenseKeyStore.KeyInfo;
import org.tongban.shared.GmCrypto;
import org.tongban.shared.ShortLived;
import org.tongban.verifier.Compact;
import org.tongban.verifier.Json;
import org.tongban.verifier.OfflineVerifier;
import org.tongban.verifier.Sm2;
import org.tongban.verifier.StatusList;
import org.tongban.verifier.TrustList;
import org.tongban.verifier.VerificationFailure;

/**
 * What the platform publishes for verifiers: the trust list (issuer and status keys, signed by the root key), the
 * root public key, and the status list (signed by the status key). Formats: docs/licenses.md.
 *
 * <p>A trust list is published (a row in {@code licenses.trust_list} with the next sequence number) when the keys
 * changed or half its validity has passed; otherwise every node serves the latest one. The status list is rebuilt
 * at most every {@code status-list-ttl}, and at once on the node that changed a status.
 */
@Component
public class Publications {

    /** A published trust list: its text, and the list as a verifier reads it. */
    public record PublishedTrustList(String body, TrustList list) {}

    private final JdbcClient jdbc;
    private final LicenseKeyStore keys;
    private final Departments identity;
    private final LicenseStatusStore store;
    private final LicenseProperties properties;
    private final TransactionTemplate ownTransaction;
    private final ShortLived<PublishedTrustList> trustList;
    private final ShortLived<String> statusList;

    private final Clock clock;

    Publications(
            JdbcClient jdbc,
            LicenseKeyStore keys,
            Departments identity,
            LicenseStatusStore store,
            LicenseProperties properties,
            PlatformTransactionManager tm,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.keys = keys;
        this.identity = identity;
        this.store = store;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.trustList = new ShortLived<>(Duration.ofSeconds(30), this::publishTrustList);
        this.statusList = new ShortLived<>(properties.statusListTtl(), this::buildStatusList);
    }

    public PublishedTrustList trustList() {
        return trustList.get();
    }

    /** The root public key in PEM: verifiers pin it to check trust lists. */
    public String rootPem() {
        return Sm2.pem(
                keys.current(LicenseKeyStore.PLATFORM, LicenseKeyStore.ROOT).publicKey());
    }

    public String statusList() {
        return statusList.get();
    }

    /**
     * A verifier with the current trust list and no status list: the online check reads the register instead. The
     * platform signed the token with its own clock, so online the token expires when it says (two seconds for the
     * nodes' clocks); offline verifiers allow more, for their own clocks.
     */
    public OfflineVerifier verifier() {
        return new OfflineVerifier(trustList().list(), null, ONLINE_SKEW);
    }

    static final java.time.Duration ONLINE_SKEW = java.time.Duration.ofSeconds(2);

    /** A status changed on this node: the next status list is built afresh. */
    public void statusChanged() {
        statusList.invalidate();
    }

    /** Keys changed on this node: the next trust list is checked against them at once. */
    public void keysChanged() {
        trustList.invalidate();
    }

    /**
     * Reads the keys again unless that was done in the last five seconds: another node may have made or rotated a key
     * that this node's copy of the trust list does not hold yet. Limited, so that tokens with made-up key ids cannot
     * make every request read the key table.
     */
    public boolean refreshTrustList() {
        long now = System.nanoTime();
        long last = lastRefresh.get();
        if (now - last < REFRESH_GAP.toNanos() || !lastRefresh.compareAndSet(last, now)) return false;
        trustList.invalidate();
        return true;
    }

    private static final Duration REFRESH_GAP = Duration.ofSeconds(5);
    private final java.util.concurrent.atomic.AtomicLong lastRefresh =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    private PublishedTrustList publishTrustList() {
        var root = keys.current(LicenseKeyStore.PLATFORM, LicenseKeyStore.ROOT);
        keys.current(LicenseKeyStore.PLATFORM, LicenseKeyStore.STATUS);
        var now = Instant.now();
        var departments = new LinkedHashMap<String, DepartmentView>();
        identity.departments().forEach(d -> departments.put(d.code(), d));
        var entries = new ArrayList<Map<String, Object>>();
        var verifiable = new ArrayList<>(keys.verifiable(now));
        verifiable.sort(Comparator.comparing(KeyInfo::kid));
        for (var key : verifiable) {
            if (key.use().equals(LicenseKeyStore.ROOT)) continue;
            var entry = new LinkedHashMap<String, Object>();
            entry.put("kid", key.kid());
            entry.put("use", key.use());
            entry.put("alg", Sm2.ALGORITHM);
            entry.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
            entry.put("notBefore", key.notBefore().getEpochSecond());
            entry.put("notAfter", key.notAfter().getEpochSecond());
            if (key.revokedAt() != null) entry.put("revokedAt", key.revokedAt().getEpochSecond());
            if (key.owner().equals(LicenseKeyStore.PLATFORM)) {
                entry.put("department", LicenseKeyStore.PLATFORM);
                entry.put("creditCode", "");
                entry.put("nameZh", "通办平台");
                entry.put("nameEn", "Tongban platform");
            } else {
                var d = departments.get(key.owner());
                entry.put("department", key.owner());
                entry.put("creditCode", d == null || d.creditCode() == null ? "" : d.creditCode());
                entry.put("nameZh", d == null ? key.owner() : d.nameZh());
                entry.put("nameEn", d == null ? key.owner() : d.nameEn());
            }
            entries.add(entry);
        }
        var rootEntry = Map.<String, Object>of(
                "kid", root.kid(), "publicKey", Base64.getEncoder().encodeToString(root.publicKey()));
        var hash = GmCrypto.sm3(Json.canonicalBytes(Map.of("keys", entries, "root", rootEntry)));
        var body = ownTransaction.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.licenses.trust-list'))")
                    .query()
                    .singleValue();
            var latest = jdbc.sql(
                            "select seq, content_hash, body, issued_at from licenses.trust_list order by seq desc limit 1")
                    .query((rs, i) -> new Object[] {
                        rs.getLong(1),
                        rs.getBytes(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()
                    })
                    .optional();
            if (latest.isPresent()
                    && java.util.Arrays.equals((byte[]) latest.get()[1], hash)
                    && ((Instant) latest.get()[3])
                            .plus(properties.trustListValidity().dividedBy(2))
                            .isAfter(now)) {
                return (String) latest.get()[2];
            }
            long seq = latest.map(l -> (Long) l[0] + 1).orElse(1L);
            var payload = new LinkedHashMap<String, Object>();
            payload.put("v", 1L);
            payload.put("seq", seq);
            payload.put("issuedAt", now.getEpochSecond());
            payload.put("nextUpdate", now.plus(properties.trustListValidity()).getEpochSecond());
            payload.put("root", rootEntry);
            payload.put("keys", entries);
            var text = Compact.sign(root.kid(), TrustList.TYPE, payload, data -> keys.sign(root.kid(), data));
            jdbc.sql("insert into licenses.trust_list (seq, content_hash, body, issued_at) values (:s, :h, :b, :at)")
                    .param("s", seq)
                    .param("h", hash)
                    .param("b", text)
                    .param("at", Timestamp.from(now))
                    .update();
            return text;
        });
        try {
            return new PublishedTrustList(body, TrustList.verify(body, root.publicKey()));
        } catch (VerificationFailure e) {
            throw new IllegalStateException("the platform's own trust list does not verify: " + e.getMessage());
        }
    }

    private String buildStatusList() {
        var key = keys.current(LicenseKeyStore.PLATFORM, LicenseKeyStore.STATUS);
        var now = Instant.now();
        var today = LocalDate.ofInstant(now, clock.getZone());
        long max = store.maxId();
        if (max >= Integer.MAX_VALUE - 8) throw new IllegalStateException("status list too large for one array");
        int size = (int) max + 1;
        var statuses = new byte[size];
        store.notValid(today, (status, id) -> {
            if (id < size) statuses[(int) id] = (byte) status.listValue();
        });
        var payload = new LinkedHashMap<String, Object>();
        payload.put("v", 1L);
        payload.put("bits", 2L);
        payload.put("size", (long) size);
        payload.put("issuedAt", now.getEpochSecond());
        payload.put("expiresAt", now.plus(properties.statusListTtl()).getEpochSecond());
        payload.put("lst", Compact.encode(StatusList.pack(statuses, size)));
        return Compact.sign(key.kid(), StatusList.TYPE, payload, data -> keys.sign(key.kid(), data));
    }

    /** The keys that verify at an instant, for the console. */
    public List<KeyInfo> verifiableKeys() {
        return keys.verifiable(Instant.now());
    }
}
