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
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
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
        checkElements(process.getFlowElements(), problems);
        checkExpressions(new String(xml, java.nio.charset.StandardCharsets.UTF_8), problems);
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

    /**
     * The elements an uploaded model may use: events without messages or signals, user and manual tasks, gateways,
     * sequence flows and embedded sub-processes. Everything else could run code on the platform or reach outside
     * the case, and so could any listener.
     */
    private static void checkElements(java.util.Collection<FlowElement> elements, List<ModelProblem> problems) {
        for (var element : elements) {
            boolean allowed = switch (element) {
                case EventSubProcess e -> false;
                case SubProcess sub -> {
                    checkElements(sub.getFlowElements(), problems);
                    yield true;
                }
                case StartEvent e -> safeEvents(e.getEventDefinitions());
                case EndEvent e -> e.getEventDefinitions().isEmpty()
                        || e.getEventDefinitions().stream().allMatch(d -> d instanceof TerminateEventDefinition);
                case BoundaryEvent e -> safeEvents(e.getEventDefinitions());
                case IntermediateCatchEvent e -> safeEvents(e.getEventDefinitions());
                case UserTask t -> true;
                case ManualTask t -> true;
                case Gateway g -> true;
                case SequenceFlow f -> true;
                default -> false;
            };
            int line = element.getXmlRowNumber();
            if (!allowed) {
                problems.add(new ModelProblem(Kind.ELEMENT_NOT_ALLOWED, element.getId(), line,
                        "The element " + element.getClass().getSimpleName() + " is not allowed in an uploaded model: "
                                + "use user tasks, gateways, sequence flows, timers and sub-processes."));
            }
            if (!element.getExecutionListeners().isEmpty()
                    || (element instanceof UserTask task && !task.getTaskListeners().isEmpty())) {
                problems.add(new ModelProblem(Kind.LISTENER, element.getId(), line,
                        "Listeners run code on the platform and are not allowed in an uploaded model."));
            }
        }
    }

    /** Timer definitions only; no message, signal, error, escalation, conditional or compensation triggers. */
    private static boolean safeEvents(List<EventDefinition> definitions) {
        return definitions.stream().allMatch(d -> d instanceof TimerEventDefinition);
    }

    /** Anything between {@code ${…}} or {@code #{…}}, anywhere in the file. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** A string literal in single or double quotes. */
    private static final Pattern LITERAL = Pattern.compile("'[^'\\\\]*'|\"[^\"\\\\]*\"");
    /**
     * What an expression may hold once its literals are taken out: variable names, numbers, comparison and logical
     * operators, {@code empty}, and parentheses not directly after a name (grouping, not a call).
     */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\s=!<>&|()+\\-*/%]*");
    private static final Pattern CALL = Pattern.compile("([A-Za-z0-9_]+)\\s*\\(");
    /** Words of the expression language that may stand before a parenthesis. */
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
            "div", "mod");

    /**
     * Expressions may only read process variables and compare them with literals: no method calls, no property or
     * index access (which reach beans and the engine), no assignment, no lambdas.
     */
    static void checkExpressions(String xml, List<ModelProblem> problems) {
        var m = EXPRESSION.matcher(xml);
        while (m.find()) {
            // The file is XML: '&&' and '<' arrive escaped.
            var text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&");
            var body = LITERAL.matcher(text).replaceAll(" ");
            boolean assignment = body.replaceAll("==|!=|<=|>=", "").contains("=");
            boolean call = CALL.matcher(body).results().anyMatch(r -> !OPERATORS.contains(r.group(1)));
            if (!SAFE.matcher(body).matches() || call || assignment || body.contains("->")) {
                int line = (int) xml.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                problems.add(new ModelProblem(Kind.EXPRESSION, null, line,
                        "The expression '" + m.group() + "' may only compare process variables with literals "
                                + "(no method calls, '.', '[' or assignments)."));
            }
        }
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
