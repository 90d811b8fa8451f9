package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;

/** The standard approval model on the real engine and database. */
class WorkflowTests extends IntegrationTest {

    @Autowired
    WorkflowManagement workflow;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.flowable.engine.TaskService tasks;

    @Test
    void theEngineKeepsItsTablesInTheWorkflowSchema() {
        var schemas = jdbc.sql(
                        "select distinct table_schema from information_schema.tables where lower(table_name) = 'act_ru_task'")
                .query(String.class)
                .list();
        assertThat(schemas).containsExactly("workflow");
    }

    @Test
    void acceptReviewDecideConcludesTheProcess() {
        var key = "TEST-" + UUID.randomUUID();
        var department = "440100-SCJG-" + UUID.randomUUID().toString().substring(0, 6);
        workflow.start(new StartProcess("standardApproval", key, department, Map.of("itemCode", "440100-SCJG-005")));
        for (var step : new String[] {"accept", "review", "decide"}) {
            var open = workflow.openTasks(key);
            assertThat(open).singleElement().satisfies(t -> assertThat(t.step()).isEqualTo(step));
            var task = open.getFirst();
            workflow.claim(task.taskId(), department, "official-a");
            workflow.complete(task.taskId(), department, "official-a", Map.of("outcome", "ACCEPT"));
        }
        assertThat(workflow.ended(key)).isTrue();
    }

    @Test
    void aRefusalAtAcceptanceEndsTheProcess() {
        var key = "TEST-" + UUID.randomUUID();
        var department = "dept-" + UUID.randomUUID();
        workflow.start(new StartProcess("standardApproval", key, department, Map.of()));
        var task = workflow.inbox(department, 10).getFirst();
        workflow.complete(task.taskId(), department, "official-a", Map.of("outcome", "REFUSE"));
        assertThat(workflow.ended(key)).isTrue();
    }

    @Test
    void anotherDepartmentNeitherSeesNorCompletesTheTask() {
        var key = "TEST-" + UUID.randomUUID();
        var department = "dept-" + UUID.randomUUID();
        workflow.start(new StartProcess("standardApproval", key, department, Map.of()));
        var task = workflow.inbox(department, 10).getFirst();
        assertThat(workflow.inbox("other-" + department, 10)).isEmpty();
        assertThatThrownBy(() -> workflow.complete(
                        task.taskId(), "other-" + department, "intruder", Map.of("outcome", "ACCEPT")))
                .isInstanceOf(TaskNotFoundException.class);
        assertThat(workflow.openTasks(key))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("accept"));
    }

    @Test
    void theSecondOfTwoOfficialsClaimingATaskIsToldItIsTaken() {
        var key = "TEST-" + UUID.randomUUID();
        var department = "dept-" + UUID.randomUUID();
        workflow.start(new StartProcess("standardApproval", key, department, Map.of()));
        var task = workflow.inbox(department, 10).getFirst();
        workflow.claim(task.taskId(), department, "official-a");
        assertThatThrownBy(() -> workflow.claim(task.taskId(), department, "official-b"))
                .isInstanceOf(TaskAlreadyClaimedException.class);
        assertThatThrownBy(
                        () -> workflow.complete(task.taskId(), department, "official-b", Map.of("outcome", "ACCEPT")))
                .isInstanceOf(TaskAlreadyClaimedException.class);
    }

    @Test
    void theInboxTableFollowsTheEngineThroughClaimTransferCoSigningCompletionAndCancellation() {
        var department = "dept-" + UUID.randomUUID();
        var keys = new java.util.ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var key = "TEST-" + UUID.randomUUID();
            keys.add(key);
            workflow.start(new StartProcess("standardApproval", key, department, Map.of()));
        }
        var first = workflow.openTasks(keys.get(0)).getFirst();
        workflow.claim(first.taskId(), department, "official-a");
        workflow.transfer(first.taskId(), department, "official-a", "official-b");
        var second = workflow.openTasks(keys.get(1)).getFirst();
        workflow.complete(second.taskId(), department, "official-a", Map.of("outcome", "ACCEPT"));
        var review = workflow.openTasks(keys.get(1)).getFirst();
        workflow.claim(review.taskId(), department, "official-a");
        var coSign = workflow.addCoSigner(review.taskId(), department, "official-a", "official-c");
        workflow.cancel(keys.get(2), "withdrawn");

        var engine = tasks.createTaskQuery()
                .taskCandidateGroup(department)
                .ignoreAssigneeValue()
                .list();
        var table = workflow.departmentTasks(department, 100);
        assertThat(table)
                .extracting(TaskSummary::taskId)
                .containsExactlyInAnyOrderElementsOf(
                        engine.stream().map(org.flowable.task.api.Task::getId).toList());
        assertThat(table)
                .extracting(TaskSummary::businessKey)
                .containsExactlyInAnyOrder(keys.get(0), keys.get(1), keys.get(1), keys.get(3));
        assertThat(table)
                .filteredOn(t -> t.taskId().equals(first.taskId()))
                .singleElement()
                .satisfies(t -> assertThat(t.assignee()).isEqualTo("official-b"));
        assertThat(table)
                .filteredOn(t -> t.taskId().equals(coSign))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("cosign"));
        assertThat(workflow.departmentTasks(department, "review", "official-a", 100))
                .extracting(TaskSummary::taskId)
                .containsExactly(review.taskId());
        assertThat(workflow.inbox(department, 100))
                .extracting(TaskSummary::businessKey)
                .containsExactly(keys.get(3));
        assertThat(workflow.departmentCounts(department, java.util.List.of("accept", "review", "decide", "cosign")))
                .containsExactly(
                        Map.entry("accept", 2L),
                        Map.entry("review", 1L),
                        Map.entry("decide", 0L),
                        Map.entry("cosign", 1L));

        // the co-signer gives an opinion, the review completes: the table follows
        workflow.complete(coSign, department, "official-c", Map.of());
        workflow.complete(review.taskId(), department, "official-a", Map.of("outcome", "PASS"));
        assertThat(workflow.departmentTasks(department, 100))
                .extracting(TaskSummary::step)
                .containsExactlyInAnyOrder("accept", "decide", "accept");
    }
}
