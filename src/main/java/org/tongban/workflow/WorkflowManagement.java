package org.tongban.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts approval processes and works their tasks. Joins the caller's transaction: the engine uses Tongban's
 * DataSource and transaction manager, so a business object and its process commit or fail together. Every task
 * operation names the department of the official acting; a task of another department is not found.
 */
@Service
public class WorkflowManagement {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    WorkflowManagement(RuntimeService runtime, TaskService tasks, HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
    }

    /** Starts the process; returns nothing Flowable-shaped: the business key is the handle. */
    @Transactional
    public void start(StartProcess request) {
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.put("department", request.department());
        runtime.createProcessInstanceBuilder()
                .processDefinitionKey(request.processKey())
                .businessKey(request.businessKey())
                .variables(variables)
                .start();
    }

    /** Open tasks for a department, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskSummary> inbox(String department, int limit) {
        return summaries(tasks.createTaskQuery().taskCandidateGroup(department).orderByTaskCreateTime().asc()
                .listPage(0, Math.clamp(limit, 1, 500)), department);
    }

    /** Open tasks of a department including those already claimed, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskSummary> departmentTasks(String department, int limit) {
        return summaries(tasks.createTaskQuery().taskCandidateGroup(department).ignoreAssigneeValue()
                .orderByTaskCreateTime().asc().listPage(0, Math.clamp(limit, 1, 500)), department);
    }

    /** Open tasks of one business object (a case), for its detail page. */
    @Transactional(readOnly = true)
    public List<TaskSummary> openTasks(String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(t -> new TaskSummary(t.getId(), businessKey, t.getTaskDefinitionKey(), t.getName(),
                        String.valueOf(runtime.getVariable(t.getExecutionId(), "department")), t.getAssignee(),
                        t.getCreateTime().toInstant()))
                .toList();
    }

    /** Claims a task for an official; the second of two officials gets {@link TaskAlreadyClaimedException}. */
    @Transactional
    public void claim(String taskId, String department, String official) {
        task(taskId, department);
        try {
            tasks.claim(taskId, official);
        } catch (FlowableTaskAlreadyClaimedException e) {
            throw new TaskAlreadyClaimedException(taskId);
        }
    }

    /** Completes a task of the department with a decision (for example {@code outcome=APPROVE}) and an opinion. */
    @Transactional
    public void complete(String taskId, String department, String official, Map<String, String> decision) {
        var task = task(taskId, department);
        if (task.getAssignee() != null && !task.getAssignee().equals(official)) throw new TaskAlreadyClaimedException(taskId);
        tasks.complete(taskId, new HashMap<>(decision));
    }

    /** Whether the process of a business object has ended. */
    @Transactional(readOnly = true)
    public boolean ended(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0
                && history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).finished().count() > 0;
    }

    private Task task(String taskId, String department) {
        var task = tasks.createTaskQuery().taskId(taskId).taskCandidateGroup(department).singleResult();
        if (task == null) {
            // Claimed tasks leave the candidate query: look them up by id and check the group link.
            task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || tasks.getIdentityLinksForTask(taskId).stream()
                    .noneMatch(l -> department.equals(l.getGroupId()))) {
                throw new TaskNotFoundException(taskId);
            }
        }
        return task;
    }

    /** Tasks as summaries, with their business keys read in one query for the whole page rather than per task. */
    private List<TaskSummary> summaries(List<Task> page, String department) {
        if (page.isEmpty()) return List.of();
        var keys = new HashMap<String, String>();
        runtime.createProcessInstanceQuery()
                .processInstanceIds(page.stream().map(Task::getProcessInstanceId).collect(java.util.stream.Collectors.toSet()))
                .list()
                .forEach(p -> keys.put(p.getId(), p.getBusinessKey() == null ? "" : p.getBusinessKey()));
        return page.stream()
                .map(t -> new TaskSummary(t.getId(), keys.getOrDefault(t.getProcessInstanceId(), ""),
                        t.getTaskDefinitionKey(), t.getName(), department, t.getAssignee(), t.getCreateTime().toInstant()))
                .toList();
    }
}
