package org.tongban.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditCode;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;
import org.tongban.workflow.ModelProblem.Kind;
import org.tongban.workflow.internal.ModelContract;

/**
 * Process models uploaded by government managers (BPMN 2.0, as any standard modeler writes them). A model is
 * deployed only when it parses against the BPMN 2.0 schema, passes Flowable's validator and meets Tongban's contract
 * (ADR 0004); otherwise {@link InvalidProcessModelException} lists every reason and nothing is deployed. Uploading a
 * key again deploys a new version: new instances start on it, running ones finish on theirs. Built-in models
 * ({@code standardApproval}, {@code jointApproval}) cannot be replaced by an upload. Callers check the permission
 * {@code workflow:models-write}.
 */
@Service
public class ProcessModels {

    /** Uploads above one megabyte are refused before they are parsed. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final String UPLOADED = "uploaded";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    ProcessModels(
            RepositoryService repository,
            RuntimeService runtime,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Checks and deploys an uploaded model in one transaction, recording the manager and the time, and publishes
     * {@link ModelDeployed}. A refusal is written to the audit trail at once, since its transaction rolls back.
     *
     * @throws InvalidProcessModelException with every reason found; nothing is deployed
     */
    @Transactional
    public ModelDeployed deploy(String fileName, byte[] xml, UUID manager) {
        var name = cleanFileName(fileName);
        var problems = new ArrayList<ModelProblem>();
        ModelContract.Checked checked = null;
        if (xml.length == 0) problems.add(new ModelProblem(Kind.EMPTY, null, 0, "The file is empty."));
        else if (xml.length > MAX_BYTES) {
            problems.add(new ModelProblem(
                    Kind.TOO_LARGE,
                    null,
                    0,
                    "The file has " + xml.length + " bytes; at most " + MAX_BYTES + " are accepted."));
        } else {
            checked = ModelContract.check(xml);
            problems.addAll(checked.problems());
        }
        if (!problems.isEmpty() || checked == null || checked.process() == null || checked.deployable() == null) {
            throw refused(name, problems, manager);
        }

        var key = checked.process().getId();
        var processName = checked.process().getName() == null
                        || checked.process().getName().isBlank()
                ? key
                : checked.process().getName().strip();
        Deployment deployment;
        try {
            deployment = repository
                    .createDeployment()
                    .name(name)
                    .key(key)
                    .category(UPLOADED)
                    // The resource name must end in .bpmn20.xml for the engine's BPMN deployer to pick it up. What
                    // is deployed is the model as the converter writes it out again, the text the checks read.
                    .addBytes(key + ".bpmn20.xml", checked.deployable())
                    .deploy();
        } catch (FlowableException e) {
            throw refused(
                    name, List.of(new ModelProblem(Kind.DEPLOYMENT, null, 0, String.valueOf(e.getMessage()))), manager);
        }
        var definition = repository
                .createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .singleResult();
        var at = deployment.getDeploymentTime() == null
                ? Instant.now()
                : deployment.getDeploymentTime().toInstant();
        jdbc.sql("""
                insert into workflow.process_model_upload
                    (deployment_id, process_key, process_version, file_name, size_bytes, uploaded_by, uploaded_at)
                values (:deployment, :key, :version, :file, :size, :by, :at)""")
                .param("deployment", deployment.getId())
                .param("key", key)
                .param("version", definition.getVersion())
                .param("file", name)
                .param("size", xml.length)
                .param("by", manager)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        var deployed = new ModelDeployed(key, processName, definition.getVersion(), name, xml.length, manager, at);
        events.publishEvent(deployed);
        return deployed;
    }

    /** Every process model at its latest version, by key, with the number of running instances of all its versions. */
    @Transactional(readOnly = true)
    public List<ProcessModel> models() {
        List<ProcessDefinition> latest = repository
                .createProcessDefinitionQuery()
                .latestVersion()
                .orderByProcessDefinitionKey()
                .asc()
                .list();
        if (latest.isEmpty()) return List.of();
        var deployments = repository
                .createDeploymentQuery()
                .deploymentIds(latest.stream()
                        .map(ProcessDefinition::getDeploymentId)
                        .distinct()
                        .toList())
                .list()
                .stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d));
        var uploaders = new HashMap<String, UUID>();
        jdbc.sql("select deployment_id, uploaded_by from workflow.process_model_upload where deployment_id in (:ids)")
                .param("ids", deployments.keySet())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .forEach(e -> uploaders.put(e.getKey(), e.getValue()));
        // One count per model; a province keeps tens of models, not thousands.
        return latest.stream()
                .map(definition -> {
                    var deployment = deployments.get(definition.getDeploymentId());
                    var at = deployment == null || deployment.getDeploymentTime() == null
                            ? Instant.EPOCH
                            : deployment.getDeploymentTime().toInstant();
                    @Nullable UUID by = uploaders.get(definition.getDeploymentId());
                    return new ProcessModel(
                            definition.getKey(),
                            definition.getName() == null ? definition.getKey() : definition.getName(),
                            definition.getVersion(),
                            at,
                            runtime.createProcessInstanceQuery()
                                    .processDefinitionKey(definition.getKey())
                                    .count(),
                            ModelContract.BUILT_IN.contains(definition.getKey()),
                            by);
                })
                .toList();
    }

    /** Whether a process model with this key is deployed (in any version), built in or uploaded. */
    @Transactional(readOnly = true)
    public boolean exists(String key) {
        return repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .count()
                > 0;
    }

    private InvalidProcessModelException refused(String fileName, List<ModelProblem> problems, UUID manager) {
        audit.recordNow(new ModelRefused(
                fileName,
                manager,
                problems.stream().map(p -> p.kind().name()).distinct().collect(Collectors.joining(","))));
        return new InvalidProcessModelException(fileName, problems);
    }

    /** The file's own name without any path a browser may send, kept short. */
    private static String cleanFileName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) return "model.bpmn20.xml";
        var name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) return "model.bpmn20.xml";
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** A refused upload, for the audit trail only. */
    private record ModelRefused(String fileName, UUID manager, String kinds) implements Audited {

        @Override
        public AuditCode auditCode() {
            return WorkflowAudit.PROCESS_MODEL_REFUSED;
        }

        @Override
        public String auditActor() {
            return manager.toString();
        }

        @Override
        public String auditSubject() {
            return fileName;
        }

        @Override
        public AuditResult auditResult() {
            return AuditResult.FAILURE;
        }

        @Override
        public Map<String, String> auditDetails() {
            return Map.of("problems", kinds);
        }
    }
}
