package org.tongban.notices;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A notice, meeting or attachment not found for the caller (not addressed to her and not hers: not told apart from
 * unknown), or a step its state does not allow now (a cancelled or past meeting). The key is the problem's
 * {@code code}.
 */
public class NoticeRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public NoticeRefusedException(Refusal.Kind kind, String messageKey) {
        super(kind, messageKey, null, messageKey, Map.of("code", messageKey));
    }

    public static NoticeRefusedException notFound() {
        return new NoticeRefusedException(Refusal.Kind.NOT_FOUND, "notices.error.notFound");
    }

    public static NoticeRefusedException conflict(String messageKey) {
        return new NoticeRefusedException(Refusal.Kind.CONFLICT, messageKey);
    }
}
