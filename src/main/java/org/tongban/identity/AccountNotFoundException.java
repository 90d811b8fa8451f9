package org.tongban.identity;

import java.util.Map;
import java.util.UUID;
import org.tongban.shared.Refusal;

/** No account with this id (or not one the caller may see: the two are not told apart). */
public class AccountNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(UUID id) {
        super(Kind.NOT_FOUND, "problem.notFound.detail", null, "No account " + id, Map.of());
    }
}
