package org.tongban.workflow.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.Process;
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

    /**
     * The outcome: the model, its one executable process and the model written out again by Flowable's converter
     * (what is deployed, so that what ran the checks is what runs) when {@link #problems} is empty.
     */
    public record Checked(
            @Nullable BpmnModel model,
            @Nullable Process process,
            byte @Nullable [] deployable,
            List<ModelProblem> problems) {
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
            return new Checked(null, null, null, List.of(parseProblem(e)));
        }

        var problems = new ArrayList<ModelProblem>();
        for (var error : VALIDATOR.validate(model)) {
            if (error.isWarning()) continue;
            var text = error.getDefaultDescription() + " [" + error.getProblem() + "]";
            problems.add(new ModelProblem(
                    Kind.VALIDATION, error.getActivityId(), Math.max(0, error.getXmlLineNumber()), text));
        }

        var executable =
                model.getProcesses().stream().filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            problems.add(new ModelProblem(
                    Kind.EXECUTABLE_PROCESSES,
                    null,
                    0,
                    "The model must contain exactly one executable process (isExecutable=\"true\"); it contains "
                            + executable.size() + "."));
            return new Checked(model, null, null, List.copyOf(problems));
        }
        var process = executable.getFirst();
        var key = process.getId();
        int line = process.getXmlRowNumber();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new ModelProblem(
                    Kind.KEY_FORMAT,
                    key,
                    line,
                    "The process id must be 3 to 64 letters, digits, '_' or '-', starting with a letter."));
        } else if (BUILT_IN.contains(key)) {
            problems.add(new ModelProblem(
                    Kind.KEY_RESERVED,
                    key,
                    line,
                    "The process id '" + key + "' belongs to a built-in model, which uploads do not replace."));
        }
        var userTasks = process.findFlowElementsOfType(UserTask.class, true);
        if (userTasks.isEmpty()) {
            problems.add(new ModelProblem(Kind.NO_USER_TASK, key, line, "The process has no user task."));
        }
        if (!process.getExecutionListeners().isEmpty()
                || !process.getEventListeners().isEmpty()) {
            problems.add(new ModelProblem(
                    Kind.LISTENER,
                    key,
                    line,
                    "Listeners run code on the platform and are not allowed in an uploaded model."));
        }
        checkElements(process.getFlowElements(), problems);
        ModelText.strip(model);
        byte[] deployable = new BpmnXMLConverter().convertToXML(model, "UTF-8");
        ModelText.checkExpressions(deployable, id -> lineOf(process, id), problems);
        for (var task : userTasks) {
            var groups = task.getCandidateGroups().stream()
                    .map(String::strip)
                    .filter(g -> !g.isEmpty())
                    .toList();
            if (groups.isEmpty()) {
                problems.add(
                        new ModelProblem(
                                Kind.NO_CANDIDATE_GROUPS,
                                task.getId(),
                                task.getXmlRowNumber(),
                                "The user task has no candidate groups: use flowable:candidateGroups=\"${department}\" or a department code."));
            }
            for (var group : groups) {
                if (!group.equals(DEPARTMENT_EXPRESSION)
                        && !DEPARTMENT_CODE.matcher(group).matches()) {
                    problems.add(new ModelProblem(
                            Kind.CANDIDATE_GROUP,
                            task.getId(),
                            task.getXmlRowNumber(),
                            "The candidate group '" + group + "' is neither ${department} nor a department code."));
                }
            }
        }
        return new Checked(model, process, problems.isEmpty() ? deployable : null, List.copyOf(problems));
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
                case StartEvent e -> e.getEventDefinitions().isEmpty() || timerStart(e, problems);
                case EndEvent e ->
                    e.getEventDefinitions().isEmpty()
                            || e.getEventDefinitions().stream().allMatch(d -> d instanceof TerminateEventDefinition);
                case BoundaryEvent e -> safeEvents(e, e.getEventDefinitions(), problems);
                case IntermediateCatchEvent e -> safeEvents(e, e.getEventDefinitions(), problems);
                case UserTask t -> assignment(t, problems);
                case ManualTask t -> true;
                case Gateway g -> true;
                case SequenceFlow f -> condition(f, problems);
                default -> false;
            };
            int line = element.getXmlRowNumber();
            if (!allowed) {
                problems.add(new ModelProblem(
                        Kind.ELEMENT_NOT_ALLOWED,
                        element.getId(),
                        line,
                        "The element " + element.getClass().getSimpleName() + " is not allowed in an uploaded model: "
                                + "use user tasks, gateways, sequence flows, timers and sub-processes."));
            }
            if (!element.getExecutionListeners().isEmpty()
                    || (element instanceof UserTask task
                            && !task.getTaskListeners().isEmpty())) {
                problems.add(new ModelProblem(
                        Kind.LISTENER,
                        element.getId(),
                        line,
                        "Listeners run code on the platform and are not allowed in an uploaded model."));
            }
        }
    }

    /**
     * Timer definitions only (no message, signal, error, escalation, conditional or compensation triggers), each
     * firing once: at a literal date, after a literal duration, or at the date or after the duration held by one
     * process variable. A repeating cycle ({@code R/PT1S}) would keep the engine's job executor busy for ever.
     */
    private static boolean safeEvents(
            FlowElement element, List<EventDefinition> definitions, List<ModelProblem> problems) {
        boolean allowed = true;
        for (var definition : definitions) {
            if (!(definition instanceof TimerEventDefinition timer)) {
                allowed = false;
                continue;
            }
            var date = blankToNull(timer.getTimeDate());
            var duration = blankToNull(timer.getTimeDuration());
            boolean once = blankToNull(timer.getTimeCycle()) == null
                    && blankToNull(timer.getEndDate()) == null
                    && blankToNull(timer.getCalendarName()) == null
                    && (date == null) != (duration == null);
            if (!once || !ModelText.literalOrVariable(date != null ? date : duration, date != null)) {
                problems.add(new ModelProblem(
                        Kind.TIMER,
                        element.getId(),
                        element.getXmlRowNumber(),
                        "A timer fires once, at a date or after a duration (ISO 8601, or one process variable): "
                                + "cycles, end dates, calendars and computed values are not allowed."));
            }
        }
        return allowed;
    }

    /** The process of a case starts with the case: a timer start would start processes by itself. */
    private static boolean timerStart(StartEvent start, List<ModelProblem> problems) {
        problems.add(new ModelProblem(
                Kind.TIMER,
                start.getId(),
                start.getXmlRowNumber(),
                "A process of a case starts with the case: start events take no timer, message or signal."));
        return true;
    }

    /** Work reaches an official through the department's inbox only, never by a name written in the model. */
    private static boolean assignment(UserTask task, List<ModelProblem> problems) {
        if (blankToNull(task.getAssignee()) != null
                || blankToNull(task.getOwner()) != null
                || !task.getCandidateUsers().isEmpty()
                || !task.getCustomUserIdentityLinks().isEmpty()
                || !task.getCustomGroupIdentityLinks().isEmpty()) {
            problems.add(new ModelProblem(
                    Kind.ASSIGNEE,
                    task.getId(),
                    task.getXmlRowNumber(),
                    "A user task is offered to departments by candidate groups; assignees, owners and candidate users "
                            + "are not allowed."));
        }
        if (blankToNull(task.getSkipExpression()) != null) {
            problems.add(new ModelProblem(
                    Kind.EXPRESSION,
                    task.getId(),
                    task.getXmlRowNumber(),
                    "Skip expressions are not allowed: every step of a case is handled."));
        }
        return true;
    }

    /** Conditions are expressions of the expression language only: another language would be a script. */
    private static boolean condition(SequenceFlow flow, List<ModelProblem> problems) {
        if (blankToNull(flow.getConditionLanguage()) != null || blankToNull(flow.getSkipExpression()) != null) {
            problems.add(new ModelProblem(
                    Kind.EXPRESSION,
                    flow.getId(),
                    flow.getXmlRowNumber(),
                    "A condition is an expression comparing process variables with literals: no script language "
                            + "and no skip expression."));
        }
        return true;
    }

    /** The line of the uploaded file where the element with this id stands, or 0. */
    private static int lineOf(Process process, String id) {
        if (id.equals(process.getId())) return process.getXmlRowNumber();
        var element = process.getFlowElement(id, true);
        return element == null ? 0 : Math.max(0, element.getXmlRowNumber());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
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
