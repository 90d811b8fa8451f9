package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.Refusal;

/** No such enterprise for the caller (or one the caller may not act for: the two are not told apart). */
public class EnterpriseNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public EnterpriseNotFoundException(String what) {
        super(
                Kind.NOT_FOUND,
                "problem.notFound.detail",
                null,
                "No enterprise or claim " + what + " for the caller",
                Map.of());
    }
}
