package org.tongban.appeals;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A request that is not found for the caller (another's, another department's: not told apart from unknown), or a
 * step its state does not allow now. The key is the API problem's {@code code}.
 */
public class AppealRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public AppealRefusedException(Refusal.Kind kind, String messageKey) {
        super(kind, messageKey, null, messageKey, Map.of("code", messageKey));
    }

    public static AppealRefusedException notFound() {
        return new AppealRefusedException(Refusal.Kind.NOT_FOUND, "appeals.error.notFound");
    }

    public static AppealRefusedException conflict(String messageKey) {
        return new AppealRefusedException(Refusal.Kind.CONFLICT, messageKey);
    }
}
