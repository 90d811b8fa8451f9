package org.tongban.identity.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.PersonView;
import org.tongban.identity.Persons;
import org.tongban.shared.CurrentAccount;

/**
 * A person by account id. The holder may read themselves; an official with {@code identity:person-read} may read
 * others whose case the official's department has (need-to-know), stating a purpose, and each such read is audited;
 * without such a case the answer is 403, for a guessed id too. Anyone else gets 404, so that a guessed id does not
 * reveal whether the account exists.
 */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Identity")
class PersonApiController {

    private final Persons identity;

    PersonApiController(Persons identity) {
        this.identity = identity;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "A person's data: self, or an authorised official (audited)")
    PersonView person(
            @PathVariable UUID accountId,
            @RequestParam(defaultValue = "") String purpose,
            @CurrentAccount UUID me,
            Authentication caller) {
        boolean official =
                caller.getAuthorities().stream().anyMatch(a -> "identity:person-read".equals(a.getAuthority()));
        if (!me.equals(accountId) && !official) throw new AccountNotFoundException(accountId);
        if (!me.equals(accountId) && purpose.isBlank()) {
            throw org.tongban.identity.InvalidInputException.of("purpose", "validation.purpose.required");
        }
        return identity.readPerson(accountId, me, purpose.strip())
                .orElseThrow(() -> new AccountNotFoundException(accountId));
    }
}
