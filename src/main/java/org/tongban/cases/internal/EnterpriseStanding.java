package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.Enterprises;

/**
 * Whether a person may still reach a case filed as an enterprise: the person filed it, and acts for the enterprise
 * now with a grant that covers cases (a grant revoked or expired since, or an agent's new grant without 办件, stops
 * at the next request, ADR 0030 and 0031). A person's own case needs no grant.
 */
@Component
class EnterpriseStanding {

    private final Enterprises enterprises;

    EnterpriseStanding(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    boolean mayReach(UUID account, @Nullable String enterpriseCode) {
        return enterpriseCode == null
                || enterprises
                        .actingFor(account, enterpriseCode)
                        .filter(e -> e.covers("CASES"))
                        .isPresent();
    }
}
