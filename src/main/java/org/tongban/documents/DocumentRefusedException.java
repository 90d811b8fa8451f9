package org.tongban.documents;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A step the caller may not take now: {@link Refusal.Kind#FORBIDDEN} on the caller's rights (not a leader, a
 * department not invited to countersign), {@link Refusal.Kind#CONFLICT} on the document's state. The key is the
 * API problem's {@code code}.
 */
public class DocumentRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public DocumentRefusedException(Refusal.Kind kind, String messageKey) {
        super(kind, messageKey, "documents.problem.refused", messageKey, Map.of("code", messageKey));
    }

    public static DocumentRefusedException forbidden(String messageKey) {
        return new DocumentRefusedException(Refusal.Kind.FORBIDDEN, messageKey);
    }

    public static DocumentRefusedException conflict(String messageKey) {
        return new DocumentRefusedException(Refusal.Kind.CONFLICT, messageKey);
    }
}
