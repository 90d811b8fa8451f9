package org.tongban.identity;

import java.util.UUID;

/** No account with this id (or not one the caller may see: the two are not told apart). */
// On a page, a 404 with the friendly error page; the JSON APIs map it themselves (their advices come first).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException(UUID id) {
        super("No account " + id);
    }
}
