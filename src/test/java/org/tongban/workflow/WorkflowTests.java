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

    @Autowired WorkflowManagement workflow;
    @Autowired JdbcClient jdbc;

    @Test
    void theEngineKeepsItsTablesInTheWorkflowSchema() {
        var schemas = jdbc.sql("select distinct table_schema from information_schema.tables where lower(table_name) = 'act_ru_task'")
                .query(String.class).list();
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
        assertThatThrownBy(() -> workflow.complete(task.taskId(), "other-" + department, "intruder", Map.of("outcome", "ACCEPT")))
                .isInstanceOf(TaskNotFoundException.class);
        assertThat(workflow.openTasks(key)).singleElement().satisfies(t -> assertThat(t.step()).isEqualTo("accept"));
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
        assertThatThrownBy(() -> workflow.complete(task.taskId(), department, "official-b", Map.of("outcome", "ACCEPT")))
                .isInstanceOf(TaskAlreadyClaimedException.class);
    }
}
