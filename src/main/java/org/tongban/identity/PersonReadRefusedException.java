package org.tongban.identity;

import java.util.UUID;

/** An official asked for a person with whom their department has no case (no need-to-know): 403, audited. */
public class PersonReadRefusedException extends RuntimeException {

    public PersonReadRefusedException(UUID target) {
        super("No case of the reader's department for account " + target);
    }
}
