package org.tongban.workflow;

/** Another official claimed the task first. */
public class TaskAlreadyClaimedException extends RuntimeException {
    public TaskAlreadyClaimedException(String taskId) {
        super("Task " + taskId + " is already claimed");
    }
}
