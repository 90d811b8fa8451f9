package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;
import org.tongban.platform.PlatformManagement;
import org.tongban.verifier.Compact;
import org.tongban.verifier.ShowToken;
import org.tongban.verifier.Sm2;

/**
 * The holder's side (证照夹): the licenses an account holds (its person's, and its enterprises'), one license with
 * its data, and show tokens (亮证). Another holder's license is not found, so an identifier reveals nothing; the
 * attempt is recorded ({@link LicenseAudit#LICENCE_ACCESS_DENIED}). The wallet pages and the use authorisation
 * (用证授权) build on these methods.
 */
@Service
public class LicenseWallet {

    /** The platform setting that holds a show token's validity in seconds (default 60). */
    public static final String SHOW_SECONDS_SETTING = "licenses.show-seconds";

    static final int DEFAULT_SHOW_SECONDS = 60;
    static final int MAX_PAGE = 100;

    private final LicenseStore store;
    private final LicenseTypeStore types;
    private final Holders holders;
    private final HeldLicenses held;
    private final Issuer issuer;
    private final LicenseKeyStore keys;
    private final Departments identity;
    private final PlatformManagement platform;
    private final AuditManagement audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    LicenseWallet(
            LicenseStore store,
            LicenseTypeStore types,
            Holders holders,
            HeldLicenses held,
            Issuer issuer,
            LicenseKeyStore keys,
            Departments identity,
            PlatformManagement platform,
            AuditManagement audit,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.events = events;
        this.store = store;
        this.types = types;
        this.holders = holders;
        this.held = held;
        this.issuer = issuer;
        this.keys = keys;
        this.identity = identity;
        this.platform = platform;
        this.audit = audit;
    }

    /** The account's licenses, newest first, {@code limit} (at most 100) below {@code before} (null: from the newest). */
    @Transactional(readOnly = true)
    public WalletPage mine(UUID account, @Nullable Long before, int limit) {
        int n = Math.clamp(limit, 1, MAX_PAGE);
        var rows = store.ofHolders(holders.of(account), before == null ? Long.MAX_VALUE : before, n + 1);
        var today = today();
        var page = rows.stream()
                .limit(n)
                .map(s -> Views.summary(s, types.find(s.type()).orElseThrow(), today))
                .toList();
        return new WalletPage(page, rows.size() > n ? page.getLast().id() : null);
    }

    /**
     * The licences a channel's wallet shows, newest first: the person's own in the citizen channel, the current
     * enterprise's in the business channel ({@link Holders#inChannel}); paged as {@link #mine}.
     */
    @Transactional(readOnly = true)
    public WalletPage inChannel(
            UUID account,
            org.tongban.identity.@Nullable EnterpriseView enterprise,
            boolean business,
            @Nullable Long before,
            int limit) {
        int n = Math.clamp(limit, 1, MAX_PAGE);
        var holderIdxs = holders.inChannel(account, enterprise, business);
        if (holderIdxs.isEmpty()) return new WalletPage(List.of(), null);
        var rows = store.ofHolders(holderIdxs, before == null ? Long.MAX_VALUE : before, n + 1);
        var today = today();
        var page = rows.stream()
                .limit(n)
                .map(s -> Views.summary(s, types.find(s.type()).orElseThrow(), today))
                .toList();
        return new WalletPage(page, rows.size() > n ? page.getLast().id() : null);
    }

    /** One of the account's licenses in full, its signature checked. */
    @Transactional(readOnly = true)
    public LicenseView license(UUID account, String identifier) {
        return view(held.own(account, identifier, "READ"));
    }

    /**
     * A show token for one of the account's licenses: the chosen fields (the type's face fields by default), each
     * masked unless named in {@code unmasked}, signed by the issuing department's current key, good for the
     * platform's show setting (60 seconds by default). Any status may be shown: the verifier says what it is.
     *
     * @throws InvalidLicenseException a field the type does not have, or one to unmask that is not shown
     */
    @Transactional
    public ShowTokenView show(
            UUID account, String identifier, @Nullable List<String> fields, @Nullable List<String> unmasked) {
        var stored = held.own(account, identifier, "SHOW");
        var type = types.find(stored.type()).orElseThrow();
        var chosen = fields == null || fields.isEmpty()
                ? type.face()
                : fields.stream().distinct().toList();
        var plain = unmasked == null ? List.<String>of() : unmasked;
        for (var f : chosen) {
            if (!type.knows(f)) throw new InvalidLicenseException(Map.of("fields", "licenses.error.unknownField"));
        }
        for (var f : plain) {
            if (!chosen.contains(f))
                throw new InvalidLicenseException(Map.of("unmasked", "licenses.error.unknownField"));
        }
        var view = view(stored);
        var disclosed = new LinkedHashMap<String, String>();
        for (var f : chosen) {
            var value = view.value(f);
            if (value == null) continue;
            disclosed.put(f, plain.contains(f) ? value : type.maskOf(f).apply(value));
        }
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var expires = now.plusSeconds(showSeconds());
        var key = keys.current(stored.issuerDepartment(), LicenseKeyStore.ISSUER);
        var claims = new ShowToken(
                key.kid(),
                stored.identifier(),
                stored.issuerDepartment(),
                type.code(),
                type.nameZh(),
                disclosed,
                now,
                expires,
                stored.validFrom(),
                stored.validTo(),
                stored.id(),
                nonce());
        var token = Compact.sign(key.kid(), ShowToken.TYPE, claims.payload(), data -> keys.sign(key.kid(), data));
        // In this transaction: a token that discloses personal data is handed out only with its audit entry.
        audit.recordWithin(AuditRecord.success(
                LicenseAudit.LICENCE_SHOWN,
                account.toString(),
                stored.identifier(),
                Map.of("fields", String.join(",", disclosed.keySet()), "unmasked", String.join(",", plain))));
        events.publishEvent(new org.tongban.licenses.LicenseShown(
                UUID.randomUUID(), stored.identifier(), type.code(), stored.issuerDepartment(), now));
        return new ShowTokenView(token, stored.identifier(), key.kid(), now, expires, Map.copyOf(disclosed));
    }

    /** The show token's validity in seconds: the platform setting, 10 to 600, or 60 when absent or not a number. */
    public int showSeconds() {
        return platform.setting(SHOW_SECONDS_SETTING)
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,3}"))
                .map(Integer::parseInt)
                .filter(s -> s >= 10 && s <= 600)
                .orElse(DEFAULT_SHOW_SECONDS);
    }

    /** The full view of a stored license; used for holders here and for officials by {@link LicenseManagement}. */
    LicenseView view(StoredLicense stored) {
        var type = types.find(stored.type()).orElseThrow();
        var canonical = issuer.content(stored.identifier(), stored.content());
        var doc = LicenseDocument.parse(canonical);
        // The register's issue time is the platform's own, not the signer's: a license signed with a key at or after
        // its revocation (a compromised key) does not verify, one signed before still does.
        boolean valid = keys.key(stored.keyId())
                .filter(k -> k.revokedAt() == null || stored.issuedAt().isBefore(k.revokedAt()))
                .map(k -> Sm2.verify(Sm2.publicKey(k.publicKey()), canonical, stored.signature()))
                .orElse(false);
        var department = identity.department(stored.issuerDepartment());
        return new LicenseView(
                Views.summary(stored, type, today()),
                type,
                doc.issuerName(),
                department.map(d -> d.nameEn()).orElse(doc.issuerName()),
                doc.issuerCreditCode(),
                doc.holderName(),
                doc.holderId(),
                doc.number(),
                doc.data(),
                doc.previous(),
                stored.caseNumber(),
                stored.keyId(),
                LicenseDocument.text(canonical),
                Base64.getEncoder().encodeToString(stored.signature()),
                valid);
    }

    private static String nonce() {
        var bytes = new byte[9];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
