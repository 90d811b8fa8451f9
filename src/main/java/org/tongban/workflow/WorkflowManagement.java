package org.tongban.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.internal.InboxProjection;

/**
 * Starts approval processes and works their tasks. Joins the caller's transaction: the engine uses Tongban's
 * DataSource and transaction manager, so a business object and its process commit or fail together. Every task
 * operation names the department of the official acting; a task of another department is not found.
 *
 * <p>Besides what BPMN models express (accept, return, correction, parallel review), the operations officials
 * ask for are commands here: transfer a task to a colleague (转办), add a co-signer whose opinion the task waits
 * for (加签, as a subtask), and cancel a process when the applicant withdraws.
 */
@Service
public class WorkflowManagement {

    /** Timer dates of a process until acceptance sets the real ones. */
    private static final Date NEVER = Date.from(Instant.parse("2999-12-31T00:00:00Z"));

    static final String CO_SIGN = ProcessStep.COSIGN.id();

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private final InboxProjection queue;

    WorkflowManagement(
            RuntimeService runtime,
            TaskService tasks,
            HistoryService history,
            ManagementService management,
            InboxProjection queue) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.management = management;
        this.queue = queue;
    }

    /** Starts the process; returns nothing Flowable-shaped: the business key is the handle. */
    @Transactional
    public void start(StartProcess request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("warnAt", NEVER);
        variables.put("dueAt", NEVER);
        request.variables().forEach((k, v) -> variables.put(k, plain(v)));
        variables.put("department", request.department());
        runtime.createProcessInstanceBuilder()
                .processDefinitionKey(request.processKey())
                .businessKey(request.businessKey())
                .variables(variables)
                .start();
    }

    /** Open tasks for a department not yet claimed, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskSummary> inbox(String department, int limit) {
        return queue.page(department, null, null, true, Math.clamp(limit, 1, 500));
    }

    /** Open tasks of a department including those already claimed, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskSummary> departmentTasks(String department, int limit) {
        return departmentTasks(department, null, null, limit);
    }

    /**
     * Open tasks of a department, oldest first, optionally only those at one step and only those claimed by one
     * official. Read from the inbox table that the engine's writes keep (ADR 0005), not with the engine's task
     * query, whose cost grows with every open task of the installation.
     */
    @Transactional(readOnly = true)
    public List<TaskSummary> departmentTasks(
            String department, @Nullable String step, @Nullable String assignee, int limit) {
        return queue.page(department, step, assignee, false, Math.clamp(limit, 1, 5000));
    }

    /** How many open tasks wait at the department for the official (unclaimed or hers), counted up to {@code cap}. */
    @Transactional(readOnly = true)
    public long waitingFor(String department, String official, int cap) {
        return queue.waitingFor(department, official, Math.clamp(cap, 1, 100_000));
    }

    /** How many open tasks of the department wait at each step. */
    @Transactional(readOnly = true)
    public Map<String, Long> departmentCounts(String department, List<String> steps) {
        return queue.counts(department, steps);
    }

    /**
     * Open tasks of one business object (a case): its process tasks and its co-signing subtasks, each with the
     * department it waits at (null for a task of the applicant).
     */
    @Transactional(readOnly = true)
    public List<TaskSummary> openTasks(String businessKey) {
        var found = new ArrayList<Task>(
                tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list());
        found.addAll(tasks.createTaskQuery().taskCategory(businessKey).list());
        return found.stream()
                .map(t -> new TaskSummary(
                        t.getId(),
                        businessKey,
                        step(t),
                        t.getName(),
                        group(t.getId()),
                        t.getAssignee(),
                        t.getCreateTime().toInstant()))
                .toList();
    }

    /** Claims a task for an official; the second of two officials gets {@link TaskAlreadyClaimedException}. */
    @Transactional
    public void claim(String taskId, String department, String official) {
        var task = task(taskId, department);
        if (official.equals(task.getAssignee())) return;
        try {
            tasks.claim(taskId, official);
        } catch (FlowableTaskAlreadyClaimedException e) {
            throw new TaskAlreadyClaimedException(taskId);
        }
    }

    /**
     * Completes a task of the department with a decision (for example {@code outcome=APPROVE}); further values
     * (dates, for the timers) become process variables. Refused while a co-signer has not given an opinion.
     */
    @Transactional
    public void complete(String taskId, String department, String official, Map<String, ?> decision) {
        var task = task(taskId, department);
        if (task.getAssignee() != null && !task.getAssignee().equals(official))
            throw new TaskAlreadyClaimedException(taskId);
        if (!tasks.getSubTasks(taskId).isEmpty()) throw new WorkflowRefusedException("workflow.error.coSignPending");
        var variables = new HashMap<String, Object>();
        decision.forEach((k, v) -> variables.put(k, plain(v)));
        try {
            if (CO_SIGN.equals(task.getFormKey())) {
                tasks.complete(taskId);
            } else {
                tasks.complete(taskId, variables);
            }
        } catch (org.flowable.common.engine.api.FlowableOptimisticLockingException e) {
            // Another transaction moved the same process (seen with parallel review): nothing is kept; try again.
            throw new WorkflowRefusedException("workflow.error.concurrent");
        }
    }

    /** Completes the applicant's own task of a business object (the correction, 补正); false when there is none. */
    @Transactional
    public boolean completeApplicantTask(String businessKey, String applicant) {
        var task = tasks.createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskAssignee(applicant)
                .singleResult();
        if (task == null) return false;
        tasks.complete(task.getId(), Map.of("outcome", "CORRECTED"));
        return true;
    }

    /** Hands a task to a colleague of the same department (转办). */
    @Transactional
    public void transfer(String taskId, String department, String from, String to) {
        var task = task(taskId, department);
        if (task.getAssignee() != null && !task.getAssignee().equals(from))
            throw new TaskAlreadyClaimedException(taskId);
        if (from.equals(to)) throw new WorkflowRefusedException("workflow.error.sameOfficial");
        tasks.setAssignee(taskId, to);
    }

    /**
     * Adds a co-signer to a task (加签): a subtask for the colleague, in the department's inbox; the task cannot be
     * completed until the co-signer has given an opinion. Returns the subtask's id.
     */
    @Transactional
    public String addCoSigner(String taskId, String department, String official, String coSigner) {
        var parent = task(taskId, department);
        if (parent.getAssignee() != null && !parent.getAssignee().equals(official))
            throw new TaskAlreadyClaimedException(taskId);
        if (CO_SIGN.equals(parent.getFormKey())) throw new WorkflowRefusedException("workflow.error.coSignOfCoSign");
        if (official.equals(coSigner)) throw new WorkflowRefusedException("workflow.error.sameOfficial");
        var businessKey = runtime.createProcessInstanceQuery()
                .processInstanceId(parent.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
        var sub = tasks.newTask();
        sub.setParentTaskId(taskId);
        sub.setName("加签");
        sub.setFormKey(CO_SIGN);
        sub.setCategory(businessKey);
        sub.setAssignee(coSigner);
        sub.setOwner(official);
        tasks.saveTask(sub);
        tasks.addCandidateGroup(sub.getId(), department);
        return sub.getId();
    }

    /** Cancels the process of a business object (the applicant withdrew); false when none is running. */
    @Transactional
    public boolean cancel(String businessKey, String reason) {
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        if (instance == null) return false;
        for (var sub : tasks.createTaskQuery().taskCategory(businessKey).list()) tasks.deleteTask(sub.getId(), reason);
        runtime.deleteProcessInstance(instance.getId(), reason);
        return true;
    }

    /** Whether the process of a business object has ended. */
    @Transactional(readOnly = true)
    public boolean ended(String businessKey) {
        return runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(businessKey)
                                .count()
                        == 0
                && history.createHistoricProcessInstanceQuery()
                                .processInstanceBusinessKey(businessKey)
                                .finished()
                                .count()
                        > 0;
    }

    /**
     * Runs the waiting timers of a business object's process now instead of at their time (an operator's tool, and
     * how tests see reminders without waiting days). Returns how many ran.
     */
    @Transactional
    public int runTimersNow(String businessKey) {
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        if (instance == null) return 0;
        int ran = 0;
        for (var timer : management
                .createTimerJobQuery()
                .processInstanceId(instance.getId())
                .list()) {
            var job = management.moveTimerToExecutableJob(timer.getId());
            management.executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    private Task task(String taskId, String department) {
        var task = tasks.createTaskQuery()
                .taskId(taskId)
                .taskCandidateGroup(department)
                .singleResult();
        if (task == null) {
            // Claimed tasks leave the candidate query: look them up by id and check the group link.
            task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null
                    || tasks.getIdentityLinksForTask(taskId).stream()
                            .noneMatch(l -> department.equals(l.getGroupId()))) {
                throw new TaskNotFoundException(taskId);
            }
        }
        return task;
    }

    private @Nullable String group(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .findFirst()
                .orElse(null);
    }

    private static String step(Task t) {
        return CO_SIGN.equals(t.getFormKey()) ? CO_SIGN : t.getTaskDefinitionKey();
    }

    /** Instants become dates (the engine's timers read them); everything else must already be plain. */
    private static Object plain(Object value) {
        if (value instanceof Instant instant) return Date.from(instant);
        if (value instanceof List<?> list) return new ArrayList<>(list);
        return value;
    }
}
