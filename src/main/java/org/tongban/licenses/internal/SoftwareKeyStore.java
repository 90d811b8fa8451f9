package org.tongban.licenses.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.verifier.Sm2;

/**
 * The platform's own key custody: SM2 key pairs generated with BouncyCastle, the private scalar wrapped with SM4-GCM
 * under the {@link MasterKey} and kept in {@code licenses.signing_key}. Unwrapped keys stay in memory for signing;
 * each thread keeps one initialised SM2 signer per key, because initialising a signer computes the public
 * point and Z<sub>A</sub>, which costs as much as a signature ({@link SignerCache}).
 *
 * <p>Key creation and rotation run in transactions of their own (a failed issuance must not take a new key with it)
 * under an advisory lock per owner and use, so two nodes never make two current keys.
 */
@Component
class SoftwareKeyStore implements LicenseKeyStore {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SoftwareKeyStore.class);

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final LicenseProperties properties;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final boolean production;
    private final SignerCache signers;
    // What this node knows of the current keys, and since when: another node may rotate a key, so an entry is
    // trusted for a short while only.
    private final Map<String, Cached> current = new ConcurrentHashMap<>();
    private static final java.time.Duration CURRENT_TTL = java.time.Duration.ofSeconds(30);

    private record Cached(KeyInfo key, Instant readAt) {}

    private volatile boolean checked;

    SoftwareKeyStore(
            JdbcClient jdbc,
            MasterKey master,
            LicenseProperties properties,
            PlatformTransactionManager tm,
            ApplicationEventPublisher events,
            Environment environment) {
        this.jdbc = jdbc;
        this.master = master;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.production = environment.acceptsProfiles(Profiles.of("production"));
        this.signers = new SignerCache(this::privateKey);
    }

    /**
     * Makes sure the database's keys were wrapped with this master key, and that production does not run on a key
     * store made under a development key. Called at start-up and before the first use.
     */
    void checkMasterKey() {
        if (checked) return;
        ownTransaction.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.licenses.key-store'))")
                    .query()
                    .singleValue();
            var row = jdbc.sql("select check_value, development, master_version from licenses.key_store where id = 1")
                    .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getBoolean(2), rs.getInt(3)})
                    .optional();
            if (row.isEmpty()) {
                jdbc.sql("""
                        insert into licenses.key_store (id, check_value, development, master_version, created_at)
                        values (1, :c, :d, :v, now())""")
                        .param("c", master.checkValue())
                        .param("d", master.development())
                        .param("v", master.version())
                        .update();
                return;
            }
            int stored = (Integer) row.get()[2];
            if (stored > master.version() || !master.knows(stored)) {
                throw new IllegalStateException("The license key store is under master key version " + stored
                        + ", which this node does not have: start with that key as current or previous master key.");
            }
            if (!java.util.Arrays.equals((byte[]) row.get()[0], master.checkValue(stored))) {
                throw new IllegalStateException("The license master key does not match the one the signing keys were "
                        + "wrapped with (licenses.key_store): start with the master key of this database.");
            }
            if (production && (Boolean) row.get()[1]) {
                throw new IllegalStateException("Production refuses a license key store created under a development "
                        + "master key: create the signing keys anew under TONGBAN_LICENCE_MASTER_KEY.");
            }
            if (stored < master.version()) rewrap();
        });
        checked = true;
    }

    /**
     * The master key rotated: every signing key wrapped by an older version is rewrapped with the current one, and
     * the key store then names the current version (in the caller's transaction, under the key store's lock).
     */
    private void rewrap() {
        var rows = jdbc.sql(
                        "select kid, private_key, master_version from licenses.signing_key where master_version <> :v")
                .param("v", master.version())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getInt(3)})
                .list();
        for (var r : rows) {
            var kid = (String) r[0];
            var secret = master.unwrap((byte[]) r[1], kid, (Integer) r[2]);
            jdbc.sql("update licenses.signing_key set private_key = :p, master_version = :v where kid = :k")
                    .param("p", master.wrap(secret, kid))
                    .param("v", master.version())
                    .param("k", kid)
                    .update();
            java.util.Arrays.fill(secret, (byte) 0);
        }
        jdbc.sql("update licenses.key_store set check_value = :c, master_version = :v where id = 1")
                .param("c", master.checkValue())
                .param("v", master.version())
                .update();
        log.info("Rewrapped {} signing keys with license master key version {}", rows.size(), master.version());
    }

    @Override
    public KeyInfo current(String owner, String use) {
        checkMasterKey();
        var cacheKey = owner + "|" + use;
        var now = Instant.now();
        var known = current.get(cacheKey);
        if (known != null
                && known.key().signsAt(now)
                && known.readAt().plus(CURRENT_TTL).isAfter(now)) return known.key();
        var found = ownTransaction.execute(s -> {
            lock(owner, use);
            var row = currentRow(owner, use);
            if (row.isPresent() && row.get().signsAt(now)) return row.get();
            if (row.isPresent()) retire(row.get().kid(), now);
            return create(owner, use, now, "system", row.map(KeyInfo::kid).orElse(null));
        });
        current.put(cacheKey, new Cached(found, now));
        return found;
    }

    @Override
    public KeyInfo rotate(String owner, String use, String actor) {
        checkMasterKey();
        var now = Instant.now();
        var created = ownTransaction.execute(s -> {
            lock(owner, use);
            var row = currentRow(owner, use);
            row.ifPresent(r -> retire(r.kid(), now));
            return create(owner, use, now, actor, row.map(KeyInfo::kid).orElse(null));
        });
        current.put(owner + "|" + use, new Cached(created, now));
        return created;
    }

    @Override
    public KeyInfo revoke(String kid, Instant from, String reason, String actor) {
        checkMasterKey();
        var key = key(kid).orElseThrow(() -> new IllegalArgumentException("unknown signing key " + kid));
        var now = Instant.now();
        ownTransaction.executeWithoutResult(s -> {
            lock(key.owner(), key.use());
            jdbc.sql("""
                    update licenses.signing_key set revoked_at = least(coalesce(revoked_at, :from), :from),
                           revoked_by = coalesce(revoked_by, :by), revocation_reason = coalesce(revocation_reason, :reason),
                           retired_at = coalesce(retired_at, :now)
                     where kid = :k""")
                    .param("from", Timestamp.from(from))
                    .param("by", actor)
                    .param("reason", reason)
                    .param("now", Timestamp.from(now))
                    .param("k", kid)
                    .update();
            events.publishEvent(AuditRecord.success(
                    LicenseAudit.LICENCE_KEY_REVOKED,
                    actor,
                    kid,
                    Map.of("owner", key.owner(), "use", key.use(), "from", from.toString(), "reason", reason)));
            // The owner signs again at once, with a new key.
            if (key.retiredAt() == null) create(key.owner(), key.use(), now, actor, kid);
        });
        current.remove(key.owner() + "|" + key.use());
        return key(kid).orElseThrow();
    }

    @Override
    public byte[] sign(String kid, byte[] data) {
        return signers.sign(kid, data);
    }

    @Override
    public Optional<KeyInfo> key(String kid) {
        return jdbc.sql("select * from licenses.signing_key where kid = :k")
                .param("k", kid)
                .query(SoftwareKeyStore::info)
                .optional();
    }

    @Override
    public List<KeyInfo> verifiable(Instant at) {
        return jdbc.sql("select * from licenses.signing_key where not_after > :at order by created_at desc, kid")
                .param("at", Timestamp.from(at))
                .query(SoftwareKeyStore::info)
                .list();
    }

    /** Forgets what this node cached about current keys (another node may have rotated them). */
    void forgetCurrent() {
        current.clear();
    }

    private ECPrivateKeyParameters privateKey(String kid) {
        checkMasterKey();
        var wrapped = jdbc.sql("select private_key, master_version from licenses.signing_key where kid = :k")
                .param("k", kid)
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getInt(2)})
                .optional()
                .orElseThrow(() -> new IllegalStateException("unknown signing key " + kid));
        return new ECPrivateKeyParameters(
                new BigInteger(1, master.unwrap((byte[]) wrapped[0], kid, (Integer) wrapped[1])), Sm2.DOMAIN);
    }

    private void lock(String owner, String use) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))")
                .param("k", "tongban.licenses.key:" + owner + "|" + use)
                .query()
                .singleValue();
    }

    private Optional<KeyInfo> currentRow(String owner, String use) {
        return jdbc.sql("select * from licenses.signing_key where owner = :o and use = :u and retired_at is null")
                .param("o", owner)
                .param("u", use)
                .query(SoftwareKeyStore::info)
                .optional();
    }

    private void retire(String kid, Instant at) {
        jdbc.sql("update licenses.signing_key set retired_at = :at where kid = :k and retired_at is null")
                .param("k", kid)
                .param("at", Timestamp.from(at))
                .update();
    }

    private KeyInfo create(String owner, String use, Instant now, String actor, @Nullable String replaced) {
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, RANDOM));
        var pair = generator.generateKeyPair();
        var d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        var publicKey = Sm2.encode((ECPublicKeyParameters) pair.getPublic());
        var prefix = owner.equals(PLATFORM) ? use : owner;
        var kid = prefix + "-" + DAY.format(now) + "-" + HexFormat.of().formatHex(randomBytes(3));
        var utc = now.atZone(ZoneOffset.UTC);
        var lifetime = use.equals(ROOT) ? properties.rootLifetime() : properties.keyLifetime();
        var signUntil = use.equals(ROOT) ? lifetime : properties.keySigningPeriod();
        var info = new KeyInfo(
                kid,
                use,
                owner,
                publicKey,
                now,
                utc.plus(signUntil).toInstant(),
                utc.plus(lifetime).toInstant(),
                null,
                null);
        jdbc.sql("""
                insert into licenses.signing_key (kid, use, owner, public_key, private_key, master_version, not_before,
                       sign_until, not_after, created_at, created_by)
                values (:kid, :use, :owner, :pub, :priv, :mv, :nb, :su, :na, :at, :by)""")
                .param("kid", kid)
                .param("use", use)
                .param("owner", owner)
                .param("pub", publicKey)
                .param("priv", master.wrap(BigIntegers.asUnsignedByteArray(32, d), kid))
                .param("mv", master.version())
                .param("nb", Timestamp.from(info.notBefore()))
                .param("su", Timestamp.from(info.signUntil()))
                .param("na", Timestamp.from(info.notAfter()))
                .param("at", Timestamp.from(now))
                .param("by", actor)
                .update();
        signers.put(kid, (ECPrivateKeyParameters) pair.getPrivate());
        var details = new HashMap<String, String>();
        details.put("owner", owner);
        details.put("use", use);
        details.put("notAfter", info.notAfter().toString());
        if (replaced != null) details.put("replaces", replaced);
        events.publishEvent(AuditRecord.success(
                replaced == null ? LicenseAudit.LICENCE_KEY_CREATED : LicenseAudit.LICENCE_KEY_ROTATED,
                actor,
                kid,
                Map.copyOf(details)));
        return info;
    }

    private static byte[] randomBytes(int n) {
        var bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static KeyInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var retired = rs.getTimestamp("retired_at");
        var revoked = rs.getTimestamp("revoked_at");
        return new KeyInfo(
                rs.getString("kid"),
                rs.getString("use"),
                rs.getString("owner"),
                rs.getBytes("public_key"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("sign_until").toInstant(),
                rs.getTimestamp("not_after").toInstant(),
                retired == null ? null : retired.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
