package org.tongban.workflow;

/** No such open task, or not one the caller's department may see: the two are not told apart. */
// On a page, a 404 with the friendly error page; the JSON APIs map it themselves (their advices come first).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId);
    }
}
