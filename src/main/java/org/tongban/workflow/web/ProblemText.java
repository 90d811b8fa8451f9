package org.tongban.workflow.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tongban.workflow.ModelProblem;

/**
 * A refused model's problem in words a manager understands: a message key of the page's language with its
 * arguments, instead of the parser's or validator's English ("Content is not allowed in prolog"). Common schema and
 * validator errors name the element at fault; others are told by their kind.
 */
record ProblemText(
        String key, @Nullable String tag, @Nullable String element, int line) {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    static ProblemText of(ModelProblem p) {
        var message = p.message();
        var key = "workflow.problemText." + p.kind();
        String tag = null;
        if (p.kind() == ModelProblem.Kind.SCHEMA) {
            if (message.startsWith("cvc-complex-type.2.4.b")) {
                key = "workflow.problemText.SCHEMA.incomplete";
                tag = first(message);
            } else if (message.startsWith("cvc-complex-type.2.4.a")) {
                key = "workflow.problemText.SCHEMA.unexpected";
                tag = first(message);
            } else if (message.startsWith("cvc-complex-type.4")) {
                key = "workflow.problemText.SCHEMA.attribute";
                tag = first(message);
            } else if (message.startsWith("cvc-id.1")) {
                key = "workflow.problemText.SCHEMA.reference";
                tag = first(message);
            } else if (message.startsWith("cvc-elt.1")) {
                key = "workflow.problemText.SCHEMA.root";
            }
        } else if (p.kind() == ModelProblem.Kind.VALIDATION) {
            var m = message.toLowerCase(java.util.Locale.ROOT);
            if (m.contains("sequenceflow") && m.contains("target")) key = "workflow.problemText.VALIDATION.target";
            else if (m.contains("sequenceflow") && m.contains("source")) key = "workflow.problemText.VALIDATION.source";
        }
        if (tag == null && key.startsWith("workflow.problemText.SCHEMA.") && !key.endsWith(".root")) {
            key = "workflow.problemText.SCHEMA";
        }
        return new ProblemText(key, tag, p.elementId(), p.line());
    }

    /** The first quoted name in the message, without its namespace: {@code 'bpmn:process'} → {@code process}. */
    private static @Nullable String first(String message) {
        var m = QUOTED.matcher(message);
        if (!m.find()) return null;
        var name = m.group(1).replaceAll(".*[:}]", "");
        return name.isBlank() ? null : name;
    }
}
