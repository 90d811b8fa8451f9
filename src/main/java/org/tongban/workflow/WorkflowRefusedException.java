package org.tongban.workflow;

import org.tongban.shared.Refusal;

/** A task operation that the task's state does not allow; {@link #reason} is a message key. */
public class WorkflowRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public WorkflowRefusedException(String reason) {
        super(Kind.CONFLICT, reason);
    }

    public String reason() {
        return messageKey();
    }
}
