package org.tongban.licenses;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A request the caller may make in general but not now: the reason is a message key. {@link Kind#FORBIDDEN} marks a
 * refusal on the caller's rights (an official of a department that does not issue the type: 403), {@link
 * Kind#CONFLICT} one on the license's state (409); the others are unprocessable (422). The API's problem carries the
 * key as {@code code}, which clients switch on.
 */
public class LicenseRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    /** The license module's kinds: a subset of the shared ones (a license that is not found has its own exception). */
    public enum Kind {
        FORBIDDEN(Refusal.Kind.FORBIDDEN),
        CONFLICT(Refusal.Kind.CONFLICT),
        UNPROCESSABLE(Refusal.Kind.UNPROCESSABLE);

        private final Refusal.Kind shared;

        Kind(Refusal.Kind shared) {
            this.shared = shared;
        }
    }

    public LicenseRefusedException(String messageKey, Kind kind) {
        super(kind.shared, messageKey, "licenses.problem.refused", messageKey, Map.of("code", messageKey));
    }

    public boolean forbidden() {
        return kind() == Refusal.Kind.FORBIDDEN;
    }

    public boolean conflict() {
        return kind() == Refusal.Kind.CONFLICT;
    }
}
