package org.tongban.healthcode;

import org.tongban.shared.Refusal;

/** A health-code request refused: not found (or another's), or forbidden. */
public class HealthCodeRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public HealthCodeRefusedException(Kind kind, String messageKey, Object... args) {
        super(kind, messageKey, args);
    }

    public static HealthCodeRefusedException notFound() {
        return new HealthCodeRefusedException(Kind.NOT_FOUND, "healthcode.error.notFound");
    }
}
