package org.tongban.policies;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A step the caller may not take now: {@link Refusal.Kind#FORBIDDEN} on the caller's rights or the enterprise's
 * eligibility, {@link Refusal.Kind#CONFLICT} on the policy's state. The key is the API problem's {@code code}.
 */
public class PolicyRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public PolicyRefusedException(Refusal.Kind kind, String messageKey) {
        super(kind, messageKey, null, messageKey, Map.of("code", messageKey));
    }

    public static PolicyRefusedException forbidden(String messageKey) {
        return new PolicyRefusedException(Refusal.Kind.FORBIDDEN, messageKey);
    }

    public static PolicyRefusedException conflict(String messageKey) {
        return new PolicyRefusedException(Refusal.Kind.CONFLICT, messageKey);
    }
}
