package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.DepartmentView;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.LicenseKeyStore.KeyInfo;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.LicenseIdentifier;

/**
 * Turns checked drafts into signed, encrypted rows and inserts them: identifiers (GB/T 36904, the serial from the
 * license's id), the canonical document, the issuing department's SM2 signature, SM4 encryption of the document, the
 * holder's blind index. Signing and encryption run on every core; the insert is one statement for the whole list.
 * Joins the caller's transaction.
 */
@Component
public class Issuer {

    static final String HOLDER_INDEX = "licenses.holder";
    static final String CONTENT = "licenses.license.content:";

    private final LicenseStore store;
    private final LicenseKeyStore keys;
    private final FieldProtection protection;

    /** License dates are calendar days in the platform's zone (China's), which the clock carries. */
    private final Clock clock;

    Issuer(LicenseStore store, LicenseKeyStore keys, FieldProtection protection, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.keys = keys;
        this.protection = protection;
    }

    /**
     * A draft placed: by whom, for which case, batch or request, and, for a new version, the identifier it replaces.
     *
     * @param previous the license this one replaces: the new one keeps its serial and takes the next version
     */
    public record Placement(
            Drafts.Draft draft,
            DepartmentView issuer,
            @Nullable LicenseIdentifier previous,
            @Nullable String caseNumber,
            @Nullable UUID batchId,
            @Nullable String requestKey) {}

    /** What became of a placement: the row, and whether it was inserted (false: a unique rule stopped it). */
    public record Outcome(Placement placement, LicenseStore.NewLicense row, boolean inserted) {}

    public List<Outcome> issue(List<Placement> placements, String actor, Instant now) {
        if (placements.isEmpty()) return List.of();
        var today = LocalDate.ofInstant(now, clock.getZone());
        var ids = store.allocate(placements.size());
        var signing = new HashMap<String, KeyInfo>();
        for (var p : placements)
            signing.computeIfAbsent(p.issuer().code(), d -> keys.current(d, LicenseKeyStore.ISSUER));
        var rows = IntStream.range(0, placements.size())
                .parallel()
                .mapToObj(i -> row(
                        placements.get(i),
                        ids[i],
                        Objects.requireNonNull(
                                signing.get(placements.get(i).issuer().code()), "every issuer's key was loaded above"),
                        actor,
                        now,
                        today))
                .toList();
        var inserted = store.insertAll(rows);
        var outcomes = new ArrayList<Outcome>(rows.size());
        for (int i = 0; i < rows.size(); i++)
            outcomes.add(new Outcome(
                    placements.get(i),
                    rows.get(i),
                    inserted.contains(rows.get(i).id())));
        return outcomes;
    }

    /** The blind index of a holder's ID number or credit code. */
    public byte[] holderIndex(String holderId) {
        return protection.blindIndex(holderId, HOLDER_INDEX);
    }

    /** The canonical document of a stored license, decrypted. */
    public byte[] content(String identifier, byte[] encrypted) {
        return protection.decrypt(encrypted, CONTENT + identifier).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private LicenseStore.NewLicense row(Placement p, long id, KeyInfo key, String actor, Instant now, LocalDate today) {
        var d = p.draft();
        var type = d.type();
        var issuerCode = p.issuer().creditCode();
        if (issuerCode == null)
            throw new IllegalStateException("department " + p.issuer().code() + " has no credit code");
        var identifier = p.previous() != null
                ? p.previous().nextVersion()
                : LicenseIdentifier.of(type.typeCode(), issuerCode, "%04d%010d".formatted(today.getYear(), id), 1);
        var number = d.number() != null ? d.number() : identifier.serial();
        var document = new LicenseDocument(
                identifier.value(),
                type.typeCode(),
                type.code(),
                type.nameZh(),
                p.issuer().code(),
                issuerCode,
                p.issuer().nameZh(),
                type.holderKind(),
                d.holderName(),
                d.holderId(),
                number,
                today,
                d.validFrom(),
                d.validTo(),
                d.data(),
                p.previous() == null ? null : p.previous().value(),
                key.kid());
        var canonical = document.canonical();
        var signature = keys.sign(key.kid(), canonical);
        var content = protection.encrypt(LicenseDocument.text(canonical), CONTENT + identifier.value());
        var person = type.holderKind() == HolderKind.PERSON;
        return new LicenseStore.NewLicense(
                id,
                identifier.value(),
                type.code(),
                identifier.serial(),
                identifier.versionNumber(),
                p.issuer().code(),
                issuerCode,
                type.holderKind(),
                holderIndex(d.holderId()),
                type.maskOf("holderName").apply(d.holderName()),
                person ? type.maskOf("holderId").apply(d.holderId()) : d.holderId(),
                content,
                signature,
                key.kid(),
                today,
                d.validFrom(),
                d.validTo(),
                !type.allowMultiple(),
                p.previous() == null ? null : p.previous().value(),
                p.caseNumber(),
                p.batchId(),
                p.requestKey(),
                actor,
                now);
    }
}
