package org.tongban.workflow;

import org.jspecify.annotations.Nullable;

/**
 * One reason an uploaded process model was refused.
 *
 * @param kind which rule the model broke; pages name it in the reader's language
 * @param elementId the BPMN element at fault, when the parser or validator names one
 * @param line the line in the uploaded file, or 0 when unknown
 * @param message the parser's or validator's own words (English), or Tongban's for its own rules
 */
public record ModelProblem(Kind kind, @Nullable String elementId, int line, String message) {

    public enum Kind {
        /** The file is empty. */
        EMPTY,
        /** The file exceeds {@link ProcessModels#MAX_BYTES}. */
        TOO_LARGE,
        /** Not well-formed XML. */
        XML,
        /** Well-formed, but not valid against the BPMN 2.0 schema. */
        SCHEMA,
        /** A rule of Flowable's process validator (for example a sequence flow without a target). */
        VALIDATION,
        /** Not exactly one executable process. */
        EXECUTABLE_PROCESSES,
        /** The process key is not 3 to 64 letters, digits, '_' or '-', starting with a letter. */
        KEY_FORMAT,
        /** The process key is one of Tongban's built-in models, which uploads do not overwrite. */
        KEY_RESERVED,
        /** The process has no user task, so no official would ever handle it. */
        NO_USER_TASK,
        /** A user task names no candidate groups, so no department's inbox would show it. */
        NO_CANDIDATE_GROUPS,
        /** A candidate group is neither {@code ${department}} nor a literal department code. */
        CANDIDATE_GROUP,
        /**
         * An element that would run code inside the platform or reach outside the case (service, script, business
         * rule, send and receive tasks, call activities, event sub-processes, message and signal events).
         */
        ELEMENT_NOT_ALLOWED,
        /** An execution or task listener: listeners run code on the platform. */
        LISTENER,
        /**
         * An expression that could call a method or reach a bean's properties: expressions may only compare process
         * variables with literals ({@code ${outcome == 'PASS'}}).
         */
        EXPRESSION,
        /**
         * A timer start event, a repeating timer, or a timer whose date or duration is computed: timers fire once, at
         * a literal ISO 8601 date, after a literal duration, or at the value of one process variable.
         */
        TIMER,
        /** A user task names an assignee, owner or candidate users: work reaches officials by department only. */
        ASSIGNEE,
        /** The engine refused the model while deploying it. */
        DEPLOYMENT
    }

    /** One line for logs and the audit trail: {@code line 12, element 'review': message}. */
    public String describe() {
        var where = new StringBuilder();
        if (line > 0) where.append("line ").append(line);
        if (elementId != null)
            where.append(where.isEmpty() ? "" : ", ")
                    .append("element '")
                    .append(elementId)
                    .append('\'');
        return (where.isEmpty() ? "" : where + ": ") + message;
    }
}
