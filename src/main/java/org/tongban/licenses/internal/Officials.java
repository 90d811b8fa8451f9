package org.tongban.licenses.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.identity.Departments;

/** Which department an account works in, for the use cases of this module: identity's one answer, null for none. */
@Component("licenseOfficials") // cases has an Officials of its own; bean names are global
class Officials {

    private final Departments departments;

    Officials(Departments departments) {
        this.departments = departments;
    }

    /** The code of the official's department; null for an account that is not an official, or none at all. */
    @Nullable
    String departmentOf(UUID account) {
        return departments.departmentOf(account).orElse(null);
    }
}
