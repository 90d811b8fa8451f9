package org.tongban.workflow;

/** A task operation that the task's state does not allow; {@link #reason} is a message key. */
public class WorkflowRefusedException extends RuntimeException {

    private final String reason;

    public WorkflowRefusedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
