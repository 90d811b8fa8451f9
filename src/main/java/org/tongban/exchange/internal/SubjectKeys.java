package org.tongban.exchange.internal;

import org.springframework.stereotype.Component;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Masking;

/**
 * Names a data subject without keeping it in clear: a person's ID number as a blind index (HMAC-SM3 under the
 * platform's index key), an enterprise's credit code (public) likewise, so that one look-up serves both.
 */
@Component
public class SubjectKeys {

    static final String CONTEXT = "exchange.subject";
    private final FieldProtection protection;

    SubjectKeys(FieldProtection protection) {
        this.protection = protection;
    }

    public byte[] index(String subject) {
        return protection.blindIndex(subject, CONTEXT);
    }

    /** The subject in its canonical form, or empty when it is no valid ID number / credit code of that kind. */
    static java.util.Optional<String> canonical(SubjectKind kind, String subject) {
        try {
            return java.util.Optional.of(
                    kind == SubjectKind.PERSON
                            ? IdNumber.parse(subject).value()
                            : CreditCode.parse(subject).value());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static String masked(SubjectKind kind, String subject) {
        return kind == SubjectKind.PERSON ? Masking.idNumber(subject) : subject;
    }
}
