package org.tongban.policies;

import org.tongban.shared.Refusal;

/** No such policy for this caller: unknown, another department's, or not published for an enterprise. */
public class PolicyNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public PolicyNotFoundException() {
        super(Refusal.Kind.NOT_FOUND, "policies.error.notFound");
    }
}
