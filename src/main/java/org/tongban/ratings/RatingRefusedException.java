package org.tongban.ratings;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * A rating or rectification step that cannot be done now; the message key says why, and the API's problem carries it
 * as {@code code}. A conflict (409) when the state of the object is the reason, unprocessable (422) otherwise.
 */
public class RatingRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public RatingRefusedException(String messageKey, boolean conflict) {
        super(
                conflict ? Kind.CONFLICT : Kind.UNPROCESSABLE,
                messageKey,
                "ratings.problem.refused",
                messageKey,
                Map.of("code", messageKey));
    }

    /** True when the state of the object, not the request, is the reason (already rated, already closed). */
    public boolean conflict() {
        return kind() == Kind.CONFLICT;
    }
}
