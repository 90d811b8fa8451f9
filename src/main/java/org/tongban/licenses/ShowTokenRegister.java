package org.tongban.licenses;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.tongban.verifier.Outcome;
import org.tongban.verifier.ShowToken;

/**
 * A register other than the licences' own for show tokens of one type that a department signs with its issuer key
 * (the health department's health codes, {@code HEALTH_CODE}). The online verification ({@code /verify},
 * {@code POST /api/v1/licenses/verify}) checks such a token like a licence's (envelope, trust list, signature, issuer
 * key, token window) and then asks this register instead of the licence register; offline, the verifier jar needs
 * nothing more than the trust list. Implemented by the module that issues the tokens.
 */
public interface ShowTokenRegister {

    /** The token type (the claim {@code type}) this register answers for. */
    String type();

    /**
     * The register's word on a token whose signature and time window were already checked and found valid:
     * {@link Outcome#VALID}, or e.g. {@link Outcome#UNKNOWN_LICENCE} for a token it never issued.
     */
    Outcome check(ShowToken claims, Instant now);

    /** The names of the token's fields in the reader's language, for the verification page. */
    Map<String, String> labels(Locale locale);

    /** The prefix of the message keys that word the outcomes for these tokens (followed by the outcome's name). */
    String messagePrefix();
}
