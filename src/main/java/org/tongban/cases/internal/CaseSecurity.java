package org.tongban.cases.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.cases.CasePermission;
import org.tongban.shared.SecurityRules;

/**
 * The cases module's permissions. Its pages live in the channels ({@code /citizen}, {@code /business}, {@code
 * /office}), whose rules the portal sets; each operation checks its permission per method.
 */
@Component
class CaseSecurity implements SecurityRules {

    @Override
    public Collection<CasePermission> permissions() {
        return List.of(CasePermission.values());
    }
}
