package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.Enterprises;

/**
 * Whether a person may still reach a case filed as an enterprise: the person filed it, and acts for the enterprise
 * now (a grant revoked or expired since stops at the next request, ADR 0030). A person's own case needs no grant.
 */
@Component
class EnterpriseStanding {

    private final Enterprises enterprises;

    EnterpriseStanding(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    boolean mayReach(UUID account, @Nullable String enterpriseCode) {
        return enterpriseCode == null
                || enterprises.actingFor(account, enterpriseCode).isPresent();
    }
}
