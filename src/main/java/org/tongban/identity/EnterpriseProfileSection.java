package org.tongban.identity;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A section of an enterprise's profile (一企一档, {@code /business/enterprises/{code}}), contributed by the module
 * that owns its data: cases, licences, ratings, and later policies, requests, agents, seals, financing, postings.
 * Identity shows the register data and asks each section for its rows; a module that does not exist contributes
 * no section, so the page shows none for it. Identity has checked that the account acts for the enterprise before
 * a section is asked.
 */
public interface EnterpriseProfileSection {

    /** Where the section stands on the page (lower first). */
    int order();

    /** A stable name for the section (its element id and its key in the API). */
    String key();

    /** The message key of its heading, and of the sentence shown when it has no rows ({@code titleKey + ".none"}). */
    String titleKey();

    /**
     * The area of an agent's scope ({@link EnterpriseView#SCOPES}) the section belongs to: an agent whose grant does
     * not cover it sees no such section (ADR 0031). Null for a section every account acting for the enterprise sees.
     */
    default @Nullable String scope() {
        return null;
    }

    /** The rows for the enterprise, in words for this locale, newest first; at most a page's worth. */
    List<Row> rows(EnterpriseView enterprise, Locale locale);

    /**
     * One row: what it is, a reference a person may copy (a case number, a licence identifier), a state in words,
     * and where to read it in full.
     *
     * @param statusKey a message key for its state, or null
     * @param href a path of this platform, or null
     */
    record Row(
            String text,
            @Nullable String reference,
            @Nullable String statusKey,
            @Nullable String href) {}
}
