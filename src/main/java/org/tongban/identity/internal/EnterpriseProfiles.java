package org.tongban.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tongban.identity.EnterpriseNotFoundException;
import org.tongban.identity.EnterpriseProfileSection;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Enterprises;
import org.tongban.identity.MarketEntityRegister;

/**
 * Assembles an enterprise's profile (一企一档): what the market-entity register says, and the sections the modules
 * contribute ({@link EnterpriseProfileSection}), for an account that acts for the enterprise now; any other
 * enterprise, and an unknown code, is not found.
 */
@Service
public class EnterpriseProfiles {

    private final Enterprises enterprises;
    private final ObjectProvider<EnterpriseProfileSection> sections;

    EnterpriseProfiles(Enterprises enterprises, ObjectProvider<EnterpriseProfileSection> sections) {
        this.enterprises = enterprises;
        this.sections = sections;
    }

    /** The profile: the enterprise as the account acts for it, its register entry (if the register knows it). */
    public record Profile(
            EnterpriseView enterprise, MarketEntityRegister.@Nullable MarketEntity register, List<Section> sections) {}

    /** A section with its rows. */
    public record Section(String key, String titleKey, List<EnterpriseProfileSection.Row> rows) {}

    public Profile of(UUID account, String code, Locale locale) {
        var normalised = code.strip().toUpperCase(Locale.ROOT);
        var enterprise = enterprises
                .actingFor(account, normalised)
                .orElseThrow(() -> new EnterpriseNotFoundException(normalised));
        var entry = enterprises.registerEntry(account, normalised).orElse(null);
        var parts = sections.orderedStream()
                .filter(s -> s.scope() == null || enterprise.covers(s.scope()))
                .sorted(Comparator.comparingInt(EnterpriseProfileSection::order))
                .map(s -> new Section(s.key(), s.titleKey(), s.rows(enterprise, locale)))
                .toList();
        return new Profile(enterprise, entry, parts);
    }
}
