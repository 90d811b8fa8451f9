package org.tongban.cases;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.Refusal;

/** A submission or step that cannot be accepted (422 unless a subclass says otherwise); the message key says why. */
public class CaseRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public CaseRefusedException(String messageKey) {
        super(Kind.UNPROCESSABLE, messageKey, null, messageKey, Map.of());
    }

    protected CaseRefusedException(
            Kind kind, String messageKey, @Nullable String titleKey, Map<String, ?> properties, Object... args) {
        super(kind, messageKey, titleKey, messageKey, properties, args);
    }
}
