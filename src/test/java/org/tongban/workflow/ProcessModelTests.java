package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.workflow.ModelProblem.Kind;

/**
 * Managers upload BPMN 2.0 models: a modeler's file deploys and runs into the department's inbox; a broken or
 * non-conforming file is refused with its reasons and deploys nothing; uploading again makes a new version.
 * Each test gives the model a key of its own, so that tests never see each other's versions.
 */
class ProcessModelTests extends IntegrationTest {

    @Autowired
    ProcessModels processModels;

    @Autowired
    WorkflowManagement workflow;

    @Autowired
    JdbcClient jdbc;

    static final UUID MANAGER = UUID.randomUUID();

    @Test
    void aModelerFileDeploysAndItsFirstTaskLandsInTheDepartmentInbox() {
        var key = uniqueKey();
        var deployed = processModels.deploy("two-step-review.bpmn20.xml", twoStepReview(key), MANAGER);

        assertThat(deployed.key()).isEqualTo(key);
        assertThat(deployed.name()).isEqualTo("两级审核");
        assertThat(deployed.version()).isEqualTo(1);
        assertThat(processModels.exists(key)).isTrue();
        assertThat(processModels.models())
                .filteredOn(m -> m.key().equals(key))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.latestVersion()).isEqualTo(1);
                    assertThat(m.builtIn()).isFalse();
                    assertThat(m.deployedBy()).isEqualTo(MANAGER);
                    assertThat(m.runningInstances()).isZero();
                });

        var department = "440100-SCJG-" + UUID.randomUUID().toString().substring(0, 6);
        var businessKey = "TEST-" + UUID.randomUUID();
        workflow.start(new StartProcess(key, businessKey, department, Map.of()));
        assertThat(workflow.inbox(department, 10)).singleElement().satisfies(t -> {
            assertThat(t.businessKey()).isEqualTo(businessKey);
            assertThat(t.step()).isEqualTo("firstReview");
            assertThat(t.stepName()).isEqualTo("初审");
        });
        assertThat(processModels.models())
                .filteredOn(m -> m.key().equals(key))
                .singleElement()
                .satisfies(m -> assertThat(m.runningInstances()).isEqualTo(1));

        var first = workflow.inbox(department, 10).getFirst();
        workflow.complete(first.taskId(), department, "official-a", Map.of("outcome", "PASS"));
        assertThat(workflow.openTasks(businessKey))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("finalReview"));
    }

    @Test
    void theDeploymentIsAuditedWithWhoAndWhen() {
        var key = uniqueKey();
        processModels.deploy("review.bpmn", twoStepReview(key), MANAGER);
        var row = jdbc.sql(
                        "select uploaded_by, file_name, process_version from workflow.process_model_upload where process_key = :key")
                .param("key", key)
                .query((rs, n) -> rs.getObject(1, UUID.class) + "|" + rs.getString(2) + "|" + rs.getInt(3))
                .single();
        assertThat(row).isEqualTo(MANAGER + "|review.bpmn|1");
    }

    @Test
    void uploadingTheSameKeyAgainMakesVersionTwo() {
        var key = uniqueKey();
        assertThat(processModels
                        .deploy("a.bpmn20.xml", twoStepReview(key), MANAGER)
                        .version())
                .isEqualTo(1);
        assertThat(processModels
                        .deploy("a.bpmn20.xml", twoStepReview(key), MANAGER)
                        .version())
                .isEqualTo(2);
        assertThat(processModels.models())
                .filteredOn(m -> m.key().equals(key))
                .singleElement()
                .satisfies(m -> assertThat(m.latestVersion()).isEqualTo(2));
    }

    @Test
    void malformedXmlIsRefusedWithTheParsersMessageAndLine() {
        var problems = refused("malformed.bpmn20.xml", resource("malformed.bpmn20.xml"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.XML);
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("startEvent");
        });
        assertThat(processModels.exists("brokenModel")).isFalse();
    }

    @Test
    void aSequenceFlowToAMissingElementIsRefused() {
        var problems = refused("missing-target.bpmn20.xml", resource("missing-target.bpmn20.xml"));
        assertThat(problems).isNotEmpty().anySatisfy(p -> {
            assertThat(p.kind()).isIn(Kind.SCHEMA, Kind.VALIDATION);
            assertThat(p.message()).contains("nowhere");
        });
        assertThat(processModels.exists("danglingFlow")).isFalse();
    }

    @Test
    void aUserTaskWithoutCandidateGroupsIsRefusedNamingTheTask() {
        var problems = refused("no-candidate-groups.bpmn20.xml", resource("no-candidate-groups.bpmn20.xml"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.NO_CANDIDATE_GROUPS);
            assertThat(p.elementId()).isEqualTo("sign");
            assertThat(p.line()).isEqualTo(9);
        });
        assertThat(processModels.exists("nobodysTask")).isFalse();
    }

    @Test
    void aModelWithoutAnExecutableProcessIsRefused() {
        var problems = refused("not-executable.bpmn20.xml", resource("not-executable.bpmn20.xml"));
        assertThat(problems).extracting(ModelProblem::kind).contains(Kind.EXECUTABLE_PROCESSES);
        assertThat(processModels.exists("onPaperOnly")).isFalse();
    }

    @Test
    void builtInModelsAreNotOverwritten() {
        var before = standardApprovalVersion();
        var problems = refused("standard.bpmn20.xml", twoStepReview("standardApproval"));
        assertThat(problems).extracting(ModelProblem::kind).containsExactly(Kind.KEY_RESERVED);
        assertThat(standardApprovalVersion()).isEqualTo(before);
        assertThat(processModels.models())
                .filteredOn(m -> m.key().equals("standardApproval"))
                .singleElement()
                .satisfies(m -> assertThat(m.builtIn()).isTrue());
    }

    @Test
    void badKeysCandidateGroupsAndTasklessProcessesAreRefusedTogether() {
        var xml = new String(twoStepReview("ab"), StandardCharsets.UTF_8)
                .replace("flowable:candidateGroups=\"${department}\"", "flowable:candidateGroups=\"${initiator}\"");
        var problems = refused("odd.bpmn", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(problems).extracting(ModelProblem::kind).contains(Kind.KEY_FORMAT, Kind.CANDIDATE_GROUP);
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.CANDIDATE_GROUP)
                .extracting(ModelProblem::elementId)
                .containsExactlyInAnyOrder("firstReview", "finalReview");

        var taskless = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://tongban.org/t">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>
                  </process>
                </definitions>""".formatted(uniqueKey());
        assertThat(refused("taskless.bpmn", taskless.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::kind)
                .containsExactly(Kind.NO_USER_TASK);
    }

    @Test
    void modelsThatWouldRunCodeOnThePlatformAreRefused() {
        var base = new String(twoStepReview(uniqueKey()), StandardCharsets.UTF_8);
        // A script task, a service task calling a bean, a task listener, and a condition calling the engine.
        var xml = base.replace(
                        "<bpmn:userTask id=\"finalReview\" name=\"复审\" flowable:candidateGroups=\"${department}\">",
                        "<bpmn:userTask id=\"finalReview\" name=\"复审\" flowable:candidateGroups=\"${department}\">"
                                + "<bpmn:extensionElements><flowable:taskListener event=\"create\" class=\"java.lang.Object\"/></bpmn:extensionElements>")
                .replace("${outcome == 'REJECT'}", "${runtimeService.deleteProcessInstance(execution.id, 'x') == null}")
                .replace(
                        "<bpmn:endEvent id=\"Event_done\" name=\"办结\">",
                        "<bpmn:scriptTask id=\"script\" scriptFormat=\"groovy\"><bpmn:script>System.exit(1)</bpmn:script></bpmn:scriptTask>"
                                + "<bpmn:serviceTask id=\"service\" flowable:expression=\"${caseManagement.toString()}\"/>"
                                + "<bpmn:endEvent id=\"Event_done\" name=\"办结\">");
        var problems = refused("code.bpmn20.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.ELEMENT_NOT_ALLOWED)
                .extracting(ModelProblem::elementId)
                .contains("script", "service");
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.LISTENER)
                .extracting(ModelProblem::elementId)
                .containsExactly("finalReview");
        assertThat(problems)
                .filteredOn(p -> p.kind() == Kind.EXPRESSION)
                .extracting(ModelProblem::message)
                .anySatisfy(m -> assertThat(m).contains("runtimeService.deleteProcessInstance"))
                .anySatisfy(m -> assertThat(m).contains("caseManagement.toString()"));
        assertThat(processModels.exists(keyOf(xml))).isFalse();
    }

    @Test
    void comparisonsOfVariablesWithLiteralsAreAllowed() {
        var key = uniqueKey();
        var xml = new String(twoStepReview(key), StandardCharsets.UTF_8)
                .replace(
                        "${outcome == 'PASS'}",
                        "${outcome == 'PASS' &amp;&amp; not (amount &gt; 100000) || empty reason}");
        assertThat(processModels
                        .deploy("fine.bpmn20.xml", xml.getBytes(StandardCharsets.UTF_8), MANAGER)
                        .key())
                .isEqualTo(key);
    }

    @Test
    void emptyAndOversizedFilesAreRefusedBeforeParsing() {
        assertThat(refused("empty.bpmn", new byte[0]))
                .extracting(ModelProblem::kind)
                .containsExactly(Kind.EMPTY);
        assertThat(refused("huge.bpmn", new byte[ProcessModels.MAX_BYTES + 1]))
                .extracting(ModelProblem::kind)
                .containsExactly(Kind.TOO_LARGE);
    }

    @Test
    void citizensOfficialsAndTheOperatorMayNotOpenThePage() {
        for (var login : new String[] {"citizen", "official", "operator"}) {
            var web = signedIn(login);
            assertThat(web.get("/console/processes").status()).as(login).isEqualTo(403);
        }
        var official = signedIn("official");
        official.get("/office");
        assertThat(official.multipart(
                                "/console/processes",
                                Map.of(),
                                "file",
                                "m.bpmn20.xml",
                                "application/xml",
                                twoStepReview(uniqueKey()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theManagerUploadsOnThePageAndSeesEveryReasonForABadFile() {
        var manager = signedIn("manager");
        var page = manager.get("/console/processes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("standardApproval").contains("accept=\".bpmn,.xml,.bpmn20.xml\"");

        var refused = manager.multipart(
                "/console/processes",
                Map.of(),
                "file",
                "no-candidate-groups.bpmn20.xml",
                "application/xml",
                resource("no-candidate-groups.bpmn20.xml"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"model-refused\"")
                .contains("no-candidate-groups.bpmn20.xml")
                .contains("用户任务未设置候选组")
                .contains("第 9 行")
                .contains("sign");

        var key = uniqueKey();
        var deployed = manager.multipart(
                "/console/processes",
                Map.of(),
                "file",
                "two-step-review.bpmn20.xml",
                "application/xml",
                twoStepReview(key));
        assertThat(deployed.location()).isEqualTo("/console/processes");
        assertThat(manager.get("/console/processes").body())
                .contains("id=\"model-deployed\"")
                .contains(key);
    }

    /** Issue 11, finding 5: the parser's English ("Content is not allowed in prolog") is told in the page's words. */
    @Test
    void aBadFileIsExplainedInChineseOnTheUploadField() {
        var manager = signedIn("manager");
        var page = manager.get("/console/processes");
        assertThat(page.body()).contains("标准审批（受理、审查、决定）").doesNotContain(">Standard approval<");

        var notXml = manager.multipart(
                "/console/processes",
                Map.of(),
                "file",
                "notes.txt",
                "text/plain",
                "这不是流程模型".getBytes(StandardCharsets.UTF_8));
        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.body())
                .contains("id=\"file-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("文件不是有效的 BPMN 2.0 XML")
                .contains("第 1 行")
                .doesNotContain("prolog")
                .doesNotContain("ParseError");

        manager.get("/console/processes");
        var dangling = manager.multipart(
                "/console/processes",
                Map.of(),
                "file",
                "missing-target.bpmn20.xml",
                "application/xml",
                resource("missing-target.bpmn20.xml"));
        assertThat(dangling.status()).isEqualTo(422);
        assertThat(dangling.body())
                .contains("引用了不存在的元素 nowhere")
                .doesNotContain("flowable-")
                .doesNotContain("Invalid");

        manager.get("/console/processes");
        var missingElement = manager.multipart(
                "/console/processes", Map.of(), "file", "incomplete.bpmn20.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://tongban.org/t">
                  <process id="incomplete" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                    <endEvent id="end"/>
                    <textAnnotation id="note"></textAnnotation>
                    <userTask/>
                  </process>
                </definitions>
                """.getBytes(
                                StandardCharsets.UTF_8));
        assertThat(missingElement.status()).isEqualTo(422);
        assertThat(missingElement.body()).contains("id=\"file-error\"").doesNotContain("cvc-");
    }

    @Test
    void theConsoleLinksThePageForTheManager() {
        assertThat(signedIn("manager").get("/console").body()).contains("/console/processes");
        assertThat(signedIn("operator").get("/console").body()).doesNotContain("/console/processes");
    }

    private java.util.List<ModelProblem> refused(String fileName, byte[] xml) {
        try {
            processModels.deploy(fileName, xml, MANAGER);
        } catch (InvalidProcessModelException e) {
            assertThat(e.fileName()).isEqualTo(fileName);
            assertThat(e.reasons()).hasSameSizeAs(e.problems());
            return e.problems();
        }
        throw new AssertionError(fileName + " was deployed");
    }

    private int standardApprovalVersion() {
        return processModels.models().stream()
                .filter(m -> m.key().equals("standardApproval"))
                .findFirst()
                .orElseThrow()
                .latestVersion();
    }

    private static String uniqueKey() {
        return "review" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The modeler's file with its process id (and the diagram's reference to it) changed. */
    private static String keyOf(String xml) {
        return xml.replaceAll("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
    }

    static byte[] twoStepReview(String key) {
        var xml = new String(resource("two-step-review.bpmn20.xml"), StandardCharsets.UTF_8)
                .replace("id=\"twoStepReview\"", "id=\"" + key + "\"")
                .replace("bpmnElement=\"twoStepReview\"", "bpmnElement=\"" + key + "\"");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (var in = ProcessModelTests.class.getResourceAsStream("/bpmn/" + name)) {
            if (in == null) throw new IllegalStateException("no test model " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
