package org.tongban.identity;

import org.tongban.shared.Refusal;

/** A department admin's change of staff that is not allowed, such as withdrawing one's own role. */
public class StaffRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public StaffRefusedException(String messageKey) {
        super(Kind.FORBIDDEN, messageKey);
    }
}
