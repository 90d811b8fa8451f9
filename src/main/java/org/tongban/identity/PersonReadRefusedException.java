package org.tongban.identity;

import java.util.Map;
import java.util.UUID;
import org.tongban.shared.Refusal;

/** An official asked for a person with whom their department has no case (no need-to-know): 403, audited. */
public class PersonReadRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public PersonReadRefusedException(UUID target) {
        super(
                Kind.FORBIDDEN,
                "identity.person.noCase",
                null,
                "No case of the reader's department for account " + target,
                Map.of());
    }
}
