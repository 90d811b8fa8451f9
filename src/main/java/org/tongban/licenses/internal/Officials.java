package org.tongban.licenses.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.IdentityManagement;

/** Which department an account works in, for every use case of this module that asks; one place to change it. */
@Component
class Officials {

    private final IdentityManagement identity;

    Officials(IdentityManagement identity) {
        this.identity = identity;
    }

    /** The code of the official's department; null for an account that is not an official, or none at all. */
    @Nullable String departmentOf(UUID account) {
        try {
            var post = identity.profile(account).official();
            return post == null ? null : post.orgUnitCode();
        } catch (AccountNotFoundException e) {
            return null;
        }
    }
}
