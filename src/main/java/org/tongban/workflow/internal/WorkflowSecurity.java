package org.tongban.workflow.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.shared.SecurityRules;
import org.tongban.workflow.WorkflowPermission;

/**
 * The workflow module's permission. Its console page ({@code /console/processes}) is inside the console channel and
 * checks the permission per method.
 */
@Component
class WorkflowSecurity implements SecurityRules {

    @Override
    public Collection<WorkflowPermission> permissions() {
        return List.of(WorkflowPermission.values());
    }
}
