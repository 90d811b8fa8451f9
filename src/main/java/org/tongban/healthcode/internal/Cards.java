package org.tongban.healthcode.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.healthcode.HealthCodeAudit;
import org.tongban.healthcode.HealthCodeRefusedException;
import org.tongban.healthcode.InvalidHealthCodeInputException;
import org.tongban.identity.Departments;
import org.tongban.identity.PopulationRegister;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Masking;
import org.tongban.shared.Refusal;

/**
 * Offline cards (离线健康码卡) for those without a phone: the code at the time of printing as a signed token, valid
 * {@link #VALIDITY}, on a printable PDF. A citizen prints their own; an official of the health department prints one
 * at the window for a person who shows their ID card (ID number and name, checked against the population register),
 * audited. A card is found only by the one who printed it (another's: not found, audited).
 */
@Service
public class Cards {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private final HealthCodeService codes;
    private final HealthCodeTokens tokens;
    private final CardStore store;
    private final Departments departments;
    private final PopulationRegister register;
    private final AuditManagement audit;
    private final Clock clock;
    private final CardPdf pdf;
    private final FamilyCodes family;

    Cards(
            FamilyCodes family,
            CardPdf pdf,
            HealthCodeService codes,
            HealthCodeTokens tokens,
            CardStore store,
            Departments departments,
            PopulationRegister register,
            AuditManagement audit,
            Clock clock) {
        this.family = family;
        this.pdf = pdf;
        this.codes = codes;
        this.tokens = tokens;
        this.store = store;
        this.departments = departments;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** The citizen prints their own card. */
    @Transactional
    public CardStore.Card printOwn(UUID citizen) {
        var me = codes.own(citizen, "本人打印离线健康码卡");
        var card = issue(me.name(), me.idNumber(), me.code(), citizen, citizen);
        audit.recordWithin(AuditRecord.success(
                HealthCodeAudit.HEALTHCODE_CARD_PRINTED,
                citizen.toString(),
                card.code(),
                Map.of(
                        "status",
                        card.status().name(),
                        "validUntil",
                        card.validUntil().toString())));
        return card;
    }

    /**
     * A relative prints the card of a family member whose health code they may see (an elderly parent without a
     * phone): the member owns it and sees it; the relative who printed it reads it while the grant lasts.
     */
    @Transactional
    public CardStore.Card printForFamily(UUID me, UUID grant) {
        var member = family.member(me, grant);
        var person = family.code(me, member, "亲友代为打印离线健康码卡");
        var card = issue(person.name(), person.idNumber(), person.code(), member.account(), me);
        audit.recordWithin(AuditRecord.success(
                HealthCodeAudit.HEALTHCODE_CARD_PRINTED,
                me.toString(),
                card.code(),
                Map.of(
                        "for",
                        grant.toString(),
                        "status",
                        card.status().name(),
                        "validUntil",
                        card.validUntil().toString())));
        return card;
    }

    /** An official of the health department prints a card at the window for the person who shows their ID card. */
    @Transactional
    public CardStore.Card printAtCounter(UUID official, String idNumber, String name) {
        var mine = departments.departmentOf(official).orElse("");
        if (!mine.equals(codes.department())) {
            audit.recordNow(AuditRecord.denied(
                    HealthCodeAudit.HEALTHCODE_REFUSED,
                    official.toString(),
                    "counter",
                    Map.of("reason", "NOT_HEALTH_DEPARTMENT")));
            throw new HealthCodeRefusedException(Refusal.Kind.FORBIDDEN, "healthcode.error.notHealthDepartment");
        }
        var errors = new LinkedHashMap<String, String>();
        IdNumber id = null;
        try {
            id = IdNumber.parse(idNumber.strip());
        } catch (IllegalArgumentException e) {
            errors.put("idNumber", "healthcode.error.idNumber");
        }
        var cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 50) errors.put("name", "healthcode.error.name");
        if (id != null && errors.isEmpty() && !register.matches(id, cleanName))
            errors.put("name", "healthcode.error.nameMismatch");
        if (id == null || !errors.isEmpty()) throw new InvalidHealthCodeInputException(errors);
        var staff = codes.self(official).getOrDefault("name", "");
        var code = codes.codeOf(id.value(), official, "窗口工作人员" + staff + "为本人打印离线健康码卡");
        var card = issue(cleanName, id.value(), code, null, official);
        audit.recordWithin(AuditRecord.success(
                HealthCodeAudit.HEALTHCODE_CARD_PRINTED_AT_COUNTER,
                official.toString(),
                card.code(),
                Map.of(
                        "subject",
                        card.subjectMasked(),
                        "status",
                        card.status().name(),
                        "validUntil",
                        card.validUntil().toString())));
        return card;
    }

    private CardStore.Card issue(
            String name,
            String idNumber,
            org.tongban.healthcode.HealthCodes.Code code,
            @org.jspecify.annotations.Nullable UUID owner,
            UUID printer) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var until = now.plus(VALIDITY);
        var cardId = HealthCodeTokens.newCardId();
        var signed = tokens.card(cardId, name, idNumber, code, now, until);
        var card = new CardStore.Card(
                UUID.randomUUID(),
                cardId,
                owner,
                printer,
                Masking.name(name),
                Masking.idNumber(idNumber),
                code.status(),
                signed.token(),
                now,
                until);
        store.insert(card);
        return card;
    }

    /**
     * A card the account owns or printed (for themself, at the window, or for a family member whose code they may
     * still see); another's is not found, audited.
     */
    @Transactional(readOnly = true)
    public CardStore.Card mine(UUID account, UUID id) {
        var card = store.find(id).orElse(null);
        var owner = card == null ? null : card.owner();
        boolean own = card != null
                && (account.equals(owner)
                        || (owner == null && account.equals(card.printedBy()))
                        || (owner != null && account.equals(card.printedBy()) && family.mayShow(account, owner)));
        if (!own) {
            audit.recordNow(AuditRecord.denied(
                    HealthCodeAudit.HEALTHCODE_REFUSED,
                    account.toString(),
                    id.toString(),
                    Map.of("reason", "NOT_OWN")));
            throw HealthCodeRefusedException.notFound();
        }
        return java.util.Objects.requireNonNull(card);
    }

    /** The card as a PDF, for the one who printed it. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID account, UUID id, String verifyUrl, java.util.Locale locale) {
        var card = mine(account, id);
        var issuer = departments
                .department(codes.department())
                .map(d -> locale.getLanguage().equals("en") ? d.nameEn() : d.nameZh())
                .orElse(codes.department());
        return java.util.Objects.requireNonNull(pdf.render(card, issuer, verifyUrl, locale));
    }

    public List<CardStore.Card> ownCards(UUID citizen) {
        return store.byOwner(citizen);
    }

    /** The cards the relative printed for this family member (while the grant lasts). */
    public List<CardStore.Card> printedForFamily(UUID me, UUID member) {
        if (!family.mayShow(me, member)) return List.of();
        return store.byOwner(member).stream()
                .filter(c -> me.equals(c.printedBy()))
                .toList();
    }

    public List<CardStore.Card> printedAtCounter(UUID official) {
        return store.byPrinter(official);
    }
}
