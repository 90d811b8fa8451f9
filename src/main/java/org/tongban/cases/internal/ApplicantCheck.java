package org.tongban.cases.internal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.cases.CaseAudit;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.TrustLevelTooLowException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.ItemView;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.EnterpriseNotFoundException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Enterprises;
import org.tongban.identity.Persons;
import org.tongban.identity.ProfileView;
import org.tongban.identity.Role;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;

/**
 * Whether this applicant may file this item, in this channel, with these answers. An application never takes a
 * typed identifier on trust: a person item is filed in the citizen channel by a citizen, an enterprise item in the
 * business channel as an enterprise the applicant acts for now (which becomes the case's applicant party); the item's minimum trust level (实名等级) must be met; the
 * applicant's own ID number (the question the platform prefills) must be the applicant's; and the enterprise's
 * credit code ({@code creditCode}, to which the result is issued) must be one the applicant represents.
 */
@Component
class ApplicantCheck {

    static final String PERSON = "PERSON";
    static final String ENTERPRISE = "ENTERPRISE";

    private final Persons identity;
    private final Enterprises enterprises;
    private final CatalogManagement catalog;
    private final AuditManagement audit;

    ApplicantCheck(Persons identity, Enterprises enterprises, CatalogManagement catalog, AuditManagement audit) {
        this.identity = identity;
        this.enterprises = enterprises;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The item as offered now (its current version); refused when the catalogue does not offer it. */
    ItemView offered(@Nullable String itemCode) {
        return catalog.guide(itemCode == null ? "" : itemCode)
                .orElseThrow(() -> new CaseRefusedException("cases.error.itemNotOffered"));
    }

    /** Who files: the channel, and in the business channel the enterprise that is the case's applicant party. */
    record Filing(String channel, @Nullable EnterpriseView enterprise) {}

    /**
     * The channel the application is filed in, and the enterprise it is filed as. Refuses (throws, audited) a channel
     * the item does not offer or the applicant may not use, an enterprise filing of a person-only item and a person
     * filing of an enterprise-only item, an enterprise the applicant may not act for now (not found), an unknown
     * applicant and a trust level below the item's; puts field errors for identifiers that are not the applicant's
     * own, and for a credit code that is not the enterprise filed as.
     *
     * @param enterprise the credit code of the enterprise the request acts for (ADR 0030), null for none; a filing in
     *     the citizen channel is a person's own, whatever enterprise the request acts for
     * @param filing whether this is a new filing, which in the business channel needs an enterprise (a correction
     *     keeps the case's own applicant party)
     */
    Filing check(
            ItemView item,
            UUID applicant,
            @Nullable String requested,
            @Nullable String enterprise,
            boolean filing,
            Map<String, String> answers,
            Map<String, String> errors) {
        ProfileView profile;
        try {
            profile = identity.profile(applicant);
        } catch (AccountNotFoundException e) {
            throw new CaseRefusedException("cases.error.notAnApplicant");
        }
        var channel = requested == null || requested.isBlank()
                ? defaultChannel(item, profile)
                : requested.strip().toUpperCase(Locale.ROOT);
        if (!item.channels().contains(channel)) throw wrongChannel(applicant, item, channel);
        if (!profile.roles().contains(channel.equals(PERSON) ? Role.CITIZEN : Role.ENTERPRISE_USER)) {
            throw refused(applicant, item, "cases.error.channel", "ROLE");
        }
        EnterpriseView actingFor = null;
        if (channel.equals(ENTERPRISE) && enterprise != null) {
            var code = enterprise.strip().toUpperCase(Locale.ROOT);
            actingFor = enterprises.actingFor(applicant, code).orElse(null);
            if (actingFor == null) {
                refused(applicant, item, "cases.error.notRepresented", "NOT_HELD");
                throw new EnterpriseNotFoundException(code);
            }
            // An agent (经办人) files only within the scope its legal representative granted (ADR 0031).
            if (filing) enterprises.requireScope(applicant, actingFor, "CASES", "FILE " + item.code());
        } else if (channel.equals(ENTERPRISE) && filing) {
            throw refused(applicant, item, "cases.error.noEnterprise", "NO_ENTERPRISE");
        }
        if (profile.trustLevel() < item.minTrustLevel()) {
            throw new TrustLevelTooLowException(item.minTrustLevel(), profile.trustLevel());
        }
        var ownId = identity.ownFacts(applicant).get("idNumber");
        var represented =
                profile.enterprises().stream().map(EnterpriseView::creditCode).collect(Collectors.toSet());
        for (var f : item.form().fields()) {
            if (f.group()) continue;
            var answer = answers.getOrDefault(f.name(), "").strip();
            if (answer.isEmpty()) continue;
            if (f.type() == FormDefinition.Type.ID_NUMBER
                    && "idNumber".equals(f.prefill())
                    && IdNumber.isValid(answer)
                    && !IdNumber.parse(answer).value().equals(ownId)) {
                errors.putIfAbsent(f.name(), "cases.error.notOwnIdNumber");
            }
            if (f.type() == FormDefinition.Type.CREDIT_CODE
                    && f.name().equals("creditCode")
                    && CreditCode.isValid(answer)) {
                var code = CreditCode.parse(answer).value();
                if (!represented.contains(code)) errors.putIfAbsent(f.name(), "cases.error.notRepresented");
                else if (actingFor != null && !actingFor.creditCode().equals(code))
                    errors.putIfAbsent(f.name(), "cases.error.notActingEnterprise");
            }
        }
        return new Filing(channel, actingFor);
    }

    /** Refuses, audited, a filing in a channel the item does not offer: in words that say where it is filed. */
    CaseRefusedException wrongChannel(UUID applicant, ItemView item, String channel) {
        return refused(
                applicant,
                item,
                channel.equals(ENTERPRISE) ? "cases.error.personOnly" : "cases.error.enterpriseOnly",
                "CHANNEL");
    }

    /** Records the refusal in the trail (in a transaction of its own, as the filing writes nothing) and returns it. */
    private CaseRefusedException refused(UUID applicant, ItemView item, String messageKey, String reason) {
        audit.recordNow(AuditRecord.denied(
                CaseAudit.CASE_FILING_REFUSED,
                applicant.toString(),
                item.code(),
                Map.of("reason", reason, "item", item.code())));
        return new CaseRefusedException(messageKey);
    }

    /** The enterprise's credit code and name for an applicant who acts for exactly one enterprise. */
    Map<String, String> enterpriseFacts(UUID applicant) {
        var enterprises = identity.profile(applicant).enterprises();
        if (enterprises.size() != 1) return Map.of();
        return Map.of(
                "creditCode",
                enterprises.getFirst().creditCode(),
                "enterpriseName",
                enterprises.getFirst().name());
    }

    /** The item's only channel; for an item of both, the citizen channel unless the applicant is no citizen. */
    private static String defaultChannel(ItemView item, ProfileView profile) {
        if (item.channels().size() == 1) return item.channels().getFirst();
        return profile.roles().contains(Role.CITIZEN) ? PERSON : ENTERPRISE;
    }
}
