package org.tongban.workflow.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.tongban.workflow.ModelProblem;
import org.tongban.workflow.ModelProblem.Kind;
import org.xml.sax.SAXParseException;

/**
 * Checks an uploaded BPMN 2.0 model in three stages, each with its own words for what is wrong (ADR 0004): Flowable's
 * parser against the BPMN 2.0 schema (with DTDs and external entities off), Flowable's process validator, and then
 * Tongban's contract: one executable process with a proper key that is not a built-in one, at least one user task,
 * and candidate groups on every user task, so that every task lands in some department's inbox.
 */
public final class ModelContract {

    /** Uploads never replace the models Tongban ships and its code starts by key. */
    public static final Set<String> BUILT_IN = Set.of("standardApproval", "jointApproval");

    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{2,63}");
    /** The case's department, set by {@code WorkflowManagement.start}. */
    static final String DEPARTMENT_EXPRESSION = "${department}";
    /** A literal organisation unit code such as {@code 440100-SCJG}: no expression, no spaces. */
    static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,63}");

    // The default validator is immutable once built and holds no state between calls.
    private static final ProcessValidator VALIDATOR = new ProcessValidatorFactory().createDefaultProcessValidator();

    /** The outcome: the model and its one executable process when {@link #problems} is empty. */
    public record Checked(@Nullable BpmnModel model, @Nullable Process process, List<ModelProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ModelContract() {}

    public static Checked check(byte[] xml) {
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, true, "UTF-8");
        } catch (RuntimeException e) {
            // Without a model there is nothing more to check.
            return new Checked(null, null, List.of(parseProblem(e)));
        }

        var problems = new ArrayList<ModelProblem>();
        for (var error : VALIDATOR.validate(model)) {
            if (error.isWarning()) continue;
            var text = error.getDefaultDescription() + " [" + error.getProblem() + "]";
            problems.add(new ModelProblem(Kind.VALIDATION, error.getActivityId(), Math.max(0, error.getXmlLineNumber()), text));
        }

        var executable = model.getProcesses().stream().filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            problems.add(new ModelProblem(Kind.EXECUTABLE_PROCESSES, null, 0,
                    "The model must contain exactly one executable process (isExecutable=\"true\"); it contains "
                            + executable.size() + "."));
            return new Checked(model, null, List.copyOf(problems));
        }
        var process = executable.getFirst();
        var key = process.getId();
        int line = process.getXmlRowNumber();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new ModelProblem(Kind.KEY_FORMAT, key, line,
                    "The process id must be 3 to 64 letters, digits, '_' or '-', starting with a letter."));
        } else if (BUILT_IN.contains(key)) {
            problems.add(new ModelProblem(Kind.KEY_RESERVED, key, line,
                    "The process id '" + key + "' belongs to a built-in model, which uploads do not replace."));
        }
        var userTasks = process.findFlowElementsOfType(UserTask.class, true);
        if (userTasks.isEmpty()) {
            problems.add(new ModelProblem(Kind.NO_USER_TASK, key, line, "The process has no user task."));
        }
        for (var task : userTasks) {
            var groups = task.getCandidateGroups().stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
            if (groups.isEmpty()) {
                problems.add(new ModelProblem(Kind.NO_CANDIDATE_GROUPS, task.getId(), task.getXmlRowNumber(),
                        "The user task has no candidate groups: use flowable:candidateGroups=\"${department}\" or a department code."));
            }
            for (var group : groups) {
                if (!group.equals(DEPARTMENT_EXPRESSION) && !DEPARTMENT_CODE.matcher(group).matches()) {
                    problems.add(new ModelProblem(Kind.CANDIDATE_GROUP, task.getId(), task.getXmlRowNumber(),
                            "The candidate group '" + group + "' is neither ${department} nor a department code."));
                }
            }
        }
        return new Checked(model, process, List.copyOf(problems));
    }

    /** The parser's own message, with the line from the deepest cause that knows one. */
    private static ModelProblem parseProblem(RuntimeException e) {
        int line = 0;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException sax) {
                line = sax.getLineNumber();
                message = sax.getMessage();
            } else if (cause instanceof XMLStreamException xml && xml.getLocation() != null) {
                line = xml.getLocation().getLineNumber();
                message = xml.getMessage();
            }
            if (cause.getCause() == cause) break;
        }
        // Schema violations are reported as cvc-… by the JDK's validator; anything else is not well-formed XML.
        var kind = message != null && message.startsWith("cvc-") ? Kind.SCHEMA : Kind.XML;
        return new ModelProblem(kind, null, Math.max(0, line), message == null ? "" : message);
    }
}
