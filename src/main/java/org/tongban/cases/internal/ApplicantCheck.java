package org.tongban.cases.internal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.TrustLevelTooLowException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.ItemView;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Persons;
import org.tongban.identity.ProfileView;
import org.tongban.identity.Role;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;

/**
 * Whether this applicant may file this item, in this channel, with these answers. An application never takes a
 * typed identifier on trust: a person item is filed in the citizen channel by a citizen, an enterprise item in the
 * business channel by someone who acts for an enterprise; the item's minimum trust level (实名等级) must be met; the
 * applicant's own ID number (the question the platform prefills) must be the applicant's; and the enterprise's
 * credit code ({@code creditCode}, to which the result is issued) must be one the applicant represents.
 */
@Component
class ApplicantCheck {

    static final String PERSON = "PERSON";
    static final String ENTERPRISE = "ENTERPRISE";

    private final Persons identity;
    private final CatalogManagement catalog;

    ApplicantCheck(Persons identity, CatalogManagement catalog) {
        this.identity = identity;
        this.catalog = catalog;
    }

    /** The item as offered now (its current version); refused when the catalogue does not offer it. */
    ItemView offered(@Nullable String itemCode) {
        return catalog.guide(itemCode == null ? "" : itemCode)
                .orElseThrow(() -> new CaseRefusedException("cases.error.itemNotOffered"));
    }

    /**
     * The channel the application is filed in. Refuses (throws) a channel the item does not offer or the applicant
     * may not use, an unknown applicant and a trust level below the item's; puts field errors for identifiers that
     * are not the applicant's own.
     */
    String check(
            ItemView item,
            UUID applicant,
            @Nullable String requested,
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
        if (!item.channels().contains(channel)) throw new CaseRefusedException("cases.error.channel");
        if (!profile.roles().contains(channel.equals(PERSON) ? Role.CITIZEN : Role.ENTERPRISE_USER)) {
            throw new CaseRefusedException("cases.error.channel");
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
                    && CreditCode.isValid(answer)
                    && !represented.contains(CreditCode.parse(answer).value())) {
                errors.putIfAbsent(f.name(), "cases.error.notRepresented");
            }
        }
        return channel;
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
