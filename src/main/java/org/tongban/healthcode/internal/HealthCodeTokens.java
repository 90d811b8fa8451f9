package org.tongban.healthcode.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.healthcode.HealthCodes.Code;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.ShowTokenRegister;
import org.tongban.shared.Masking;
import org.tongban.verifier.Compact;
import org.tongban.verifier.Outcome;
import org.tongban.verifier.ShowToken;

/**
 * Health-code tokens (ADR 0042): show tokens (docs/licenses.md) of type {@code HEALTH_CODE}, signed with the health
 * department's issuer key from the licences' key custody, so that the licences' verifier checks them online and the
 * verifier jar offline with the published trust list. The live code lives {@link #LIVE_SECONDS} seconds
 * ({@code lid} {@code HC-…}); an offline card lives its validity ({@code lid} {@code HCC-…}, its last day as
 * {@code vt}). No status index: {@code sidx} is -1, outside any status list. Also the register the online check
 * asks about these tokens: a live code needs nothing more, a card must be one the platform printed.
 */
@Component
public class HealthCodeTokens implements ShowTokenRegister {

    public static final String TYPE = "HEALTH_CODE";
    public static final String TYPE_NAME = "健康码";
    public static final int LIVE_SECONDS = 60;
    static final String LIVE = "HC-";
    static final String CARD = "HCC-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LicenseKeyStore keys;
    private final HealthCodeService codes;
    private final MessageSource messages;
    private final CardStore cards;

    HealthCodeTokens(LicenseKeyStore keys, HealthCodeService codes, MessageSource messages, CardStore cards) {
        this.keys = keys;
        this.codes = codes;
        this.messages = messages;
        this.cards = cards;
    }

    /**
     * Makes sure the health department has its issuer key once the platform is up, so that the trust list verifiers
     * download holds it before the first code is shown.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void ensureKey() {
        keys.current(codes.department(), LicenseKeyStore.ISSUER);
    }

    /** A signed token. */
    public record Signed(String token, String id, Instant issuedAt, Instant expiresAt) {}

    /** The live code of a person: a token good for 60 seconds. */
    public Signed live(String name, String idNumber, Code code) {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return sign(LIVE + random(), name, idNumber, code, now, now.plusSeconds(LIVE_SECONDS), null);
    }

    /** An offline card's token: good until {@code until}, its last day (China's) stated. */
    Signed card(String id, String name, String idNumber, Code code, Instant now, Instant until) {
        return sign(
                id, name, idNumber, code, now, until, LocalDate.ofInstant(until.minusSeconds(1), HealthRules.CHINA));
    }

    static String newCardId() {
        return CARD + random();
    }

    private Signed sign(
            String id,
            String name,
            String idNumber,
            Code code,
            Instant now,
            Instant until,
            @org.jspecify.annotations.Nullable LocalDate lastDay) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", Masking.name(name));
        fields.put("idNumber", Masking.idNumber(idNumber));
        fields.put("status", code.status().zh());
        fields.put("reason", reasons(code, Locale.SIMPLIFIED_CHINESE));
        fields.put(
                "checkedAt", code.computedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        var key = keys.current(codes.department(), LicenseKeyStore.ISSUER);
        var claims = new ShowToken(
                key.kid(),
                id,
                codes.department(),
                TYPE,
                TYPE_NAME,
                fields,
                now,
                until,
                LocalDate.ofInstant(now, HealthRules.CHINA),
                lastDay,
                -1,
                random());
        var token = Compact.sign(key.kid(), ShowToken.TYPE, claims.payload(), data -> keys.sign(key.kid(), data));
        return new Signed(token, id, now, until);
    }

    /** The reasons in words, joined: what the token states and the page shows. */
    public String reasons(Code code, Locale locale) {
        var out = new StringBuilder();
        for (var r : code.reasons()) {
            if (!out.isEmpty()) out.append("；");
            out.append(messages.getMessage(r.key(), r.args().toArray(), r.key(), locale));
        }
        return out.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Outcome check(ShowToken claims, Instant now) {
        if (!claims.issuer().equals(codes.department())) return Outcome.UNKNOWN_ISSUER;
        if (claims.licenseId().startsWith(LIVE)) return Outcome.VALID;
        if (claims.licenseId().startsWith(CARD)) {
            return cards.printed(claims.licenseId()) ? Outcome.VALID : Outcome.UNKNOWN_LICENCE;
        }
        return Outcome.UNKNOWN_LICENCE;
    }

    @Override
    public Map<String, String> labels(Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        for (var f : new String[] {"name", "idNumber", "status", "reason", "checkedAt"}) {
            labels.put(f, messages.getMessage("healthcode.token." + f, null, f, locale));
        }
        return labels;
    }

    @Override
    public String messagePrefix() {
        return "healthcode.verify.outcome.";
    }

    private static String random() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
