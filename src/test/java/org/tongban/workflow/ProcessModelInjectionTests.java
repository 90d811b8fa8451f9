package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.workflow.ModelProblem.Kind;

/**
 * The review's critical finding: a manager ran code on the server through a BPMN upload, because the expression check
 * was a pattern over the raw file. These are the review's bypasses, and the engine's own wall behind the check.
 */
class ProcessModelInjectionTests extends IntegrationTest {

    @Autowired
    ProcessModels processModels;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    static final UUID MANAGER = UUID.randomUUID();
    static final String PROBE = "''.getClass().getSimpleName() == 'String'";

    /** The review's encodings of {@code ${…}}: each is the same expression once the XML is parsed. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "&#36;{" + PROBE + "}",
                "&#x24;{" + PROBE + "}",
                "$<![CDATA[{" + PROBE + "}]]>",
                "$<!-- -->{" + PROBE + "}",
                "#{" + PROBE + "}",
                "&#36;&#123;" + PROBE + "&#125;"
            })
    void encodedExpressionsInAConditionAreRefused(String condition) {
        var xml = withCondition(condition);
        assertThat(refused(xml)).filteredOn(p -> p.kind() == Kind.EXPRESSION).isNotEmpty();
        assertThat(processModels.exists(keyOf(xml))).isFalse();
    }

    @Test
    void encodedExpressionsInTaskNamesAndDocumentationAreRefused() {
        var xml = model().replace("name=\"初审\"", "name=\"&#36;{" + PROBE + "}\"")
                .replace(
                        "<bpmn:incoming>Flow_0x1</bpmn:incoming>",
                        "<bpmn:documentation>$<![CDATA[{execution.getEngineServices()}]]></bpmn:documentation>"
                                + "<bpmn:incoming>Flow_0x1</bpmn:incoming>");
        assertThat(refused(xml))
                .filteredOn(p -> p.kind() == Kind.EXPRESSION)
                .extracting(ModelProblem::elementId)
                .containsOnly("firstReview")
                .hasSize(2);
    }

    @Test
    void aTimerStartWhoseDateIsAnExpressionIsRefused() {
        var xml = model().replace(
                        "</bpmn:startEvent>",
                        "<bpmn:timerEventDefinition><bpmn:timeDate>"
                                + "&#36;{" + PROBE + " ? '2099-01-01T00:00:00' : '2000-01-01T00:00:00'}"
                                + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>");
        var problems = refused(xml);
        assertThat(problems).extracting(ModelProblem::kind).contains(Kind.TIMER, Kind.EXPRESSION);
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.TIMER)
                .extracting(ModelProblem::elementId)
                .contains("StartEvent_1");
    }

    @Test
    void aLiteralTimerStartIsRefusedToo() {
        var xml = model().replace(
                        "</bpmn:startEvent>",
                        "<bpmn:timerEventDefinition>"
                                + "<bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>");
        assertThat(refused(xml)).extracting(ModelProblem::kind).containsExactly(Kind.TIMER);
    }

    @Test
    void repeatingAndComputedBoundaryTimersAreRefusedAndOneShotTimersDeploy() {
        assertThat(refused(withBoundaryTimer("<bpmn:timeCycle>R/PT1S</bpmn:timeCycle>")))
                .extracting(ModelProblem::kind)
                .containsExactly(Kind.TIMER);
        assertThat(refused(withBoundaryTimer(
                        "<bpmn:timeDuration>&#36;{amount &gt; 1 ? 'PT1S' : 'PT2S'}</bpmn:timeDuration>")))
                .extracting(ModelProblem::kind)
                .containsExactly(Kind.TIMER);
        var literal = withBoundaryTimer("<bpmn:timeDuration>P5D</bpmn:timeDuration>");
        assertThat(processModels
                        .deploy("timer.bpmn20.xml", bytes(literal), MANAGER)
                        .key())
                .isEqualTo(keyOf(literal));
        var variable = withBoundaryTimer("<bpmn:timeDate>${dueAt}</bpmn:timeDate>");
        assertThat(processModels
                        .deploy("timer.bpmn20.xml", bytes(variable), MANAGER)
                        .key())
                .isEqualTo(keyOf(variable));
    }

    @Test
    void processLevelListenersAreRefused() {
        var execution = model().replace(
                        "<bpmn:startEvent id=\"StartEvent_1\"",
                        "<bpmn:extensionElements><flowable:executionListener event=\"start\" class=\"java.lang.Object\"/>"
                                + "</bpmn:extensionElements><bpmn:startEvent id=\"StartEvent_1\"");
        assertThat(refused(execution))
                .filteredOn(p -> p.kind() == Kind.LISTENER)
                .extracting(ModelProblem::elementId)
                .containsExactly(keyOf(execution));
        var event = model().replace(
                        "<bpmn:startEvent id=\"StartEvent_1\"",
                        "<bpmn:extensionElements><flowable:eventListener class=\"java.lang.Object\"/>"
                                + "</bpmn:extensionElements><bpmn:startEvent id=\"StartEvent_1\"");
        assertThat(refused(event)).extracting(ModelProblem::kind).contains(Kind.LISTENER);
    }

    @Test
    void scriptConditionsSkipExpressionsAndNamedAssigneesAreRefused() {
        var xml = model().replace(
                        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">",
                        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">")
                .replace(
                        "<bpmn:userTask id=\"finalReview\" name=\"复审\" flowable:candidateGroups=\"${department}\">",
                        "<bpmn:userTask id=\"finalReview\" name=\"复审\" flowable:candidateGroups=\"${department}\" "
                                + "flowable:assignee=\"manager\" flowable:skipExpression=\"${true}\">");
        var problems = refused(xml);
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.ASSIGNEE)
                .extracting(ModelProblem::elementId)
                .containsExactly("finalReview");
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.EXPRESSION)
                .extracting(ModelProblem::elementId)
                .contains("finalReview", "Flow_pass");
    }

    @Test
    void whatIsDeployedIsTheModelWrittenOutAgainWithoutForeignExtensions() {
        var xml = model().replace(
                        "<bpmn:userTask id=\"firstReview\" name=\"初审\" flowable:candidateGroups=\"${department}\">",
                        "<bpmn:userTask id=\"firstReview\" name=\"初审\" flowable:candidateGroups=\"${department}\" "
                                + "xmlns:x=\"urn:x\" x:note=\"kept?\"><bpmn:extensionElements><x:anything>secret</x:anything>"
                                + "</bpmn:extensionElements><!-- a comment -->");
        var deployed = processModels.deploy("clean.bpmn20.xml", bytes(xml), MANAGER);
        var definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(deployed.key())
                .singleResult();
        String resource;
        try (var in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(resource)
                .contains("firstReview")
                .doesNotContain("a comment")
                .doesNotContain("secret")
                .doesNotContain("kept?");
    }

    /**
     * Behind the check: a model deployed straight into the engine (as a built-in one is) still cannot call methods on
     * arbitrary objects or reach the application's beans from an expression.
     */
    @Test
    void theEnginesExpressionsReachNoBeansAndCallNoMethods() {
        for (var condition : List.of(
                "${" + PROBE + "}",
                "${execution.getEngineServices() != null}",
                "${caseManagement != null}",
                "${processModels != null}",
                "${runtimeService != null}")) {
            var xml = withCondition(condition);
            var key = keyOf(xml);
            repository.createDeployment().addString(key + ".bpmn20.xml", xml).deploy();
            var instance = runtime.startProcessInstanceByKey(key, Map.of("department", "X"));
            var task =
                    tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("outcome", "PASS")))
                    .as(condition)
                    .isInstanceOf(FlowableException.class);
            assertThat(tasks.createTaskQuery()
                            .processInstanceId(instance.getId())
                            .singleResult()
                            .getTaskDefinitionKey())
                    .as(condition)
                    .isEqualTo("firstReview");
        }
    }

    private List<ModelProblem> refused(String xml) {
        try {
            processModels.deploy("attack.bpmn20.xml", bytes(xml), MANAGER);
        } catch (InvalidProcessModelException e) {
            return e.problems();
        }
        throw new AssertionError("deployed: " + xml);
    }

    private static String withCondition(String condition) {
        return model().replace("${outcome == 'PASS'}", condition);
    }

    private static String withBoundaryTimer(String definition) {
        return model().replace(
                        "<bpmn:endEvent id=\"Event_rejected\"",
                        "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"finalReview\" cancelActivity=\"false\">"
                                + "<bpmn:timerEventDefinition>" + definition
                                + "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
                                + "<bpmn:endEvent id=\"Event_rejected\"");
    }

    private static String model() {
        return new String(ProcessModelTests.twoStepReview(uniqueKey()), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String uniqueKey() {
        return "inj" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String keyOf(String xml) {
        var m = java.util.regex.Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(xml);
        if (!m.find()) throw new IllegalArgumentException("no process id");
        return m.group(1);
    }
}
