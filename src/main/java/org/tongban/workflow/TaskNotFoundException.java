package org.tongban.workflow;

/** No such open task, or not one the caller's department may see: the two are not told apart. */
public class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId);
    }
}
