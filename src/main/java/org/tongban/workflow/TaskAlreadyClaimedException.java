package org.tongban.workflow;

import java.util.Map;
import org.tongban.shared.Refusal;

/** Another official claimed the task first: a conflict with the task's state. */
public class TaskAlreadyClaimedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public TaskAlreadyClaimedException(String taskId) {
        super(Kind.CONFLICT, "problem.conflict.detail", null, "Task " + taskId + " is already claimed", Map.of());
    }
}
