package org.tongban.workflow;

import java.util.Map;
import org.tongban.shared.Refusal;

/** No such open task, or not one the caller's department may see: the two are not told apart. */
public class TaskNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String taskId) {
        super(Kind.NOT_FOUND, "problem.notFound.detail", null, "No open task " + taskId, Map.of());
    }
}
