package org.tongban.identity;

import java.util.UUID;

/** No account with this id (or not one the caller may see: the two are not told apart). */
public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException(UUID id) {
        super("No account " + id);
    }
}
