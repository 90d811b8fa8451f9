package org.tongban.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the built-in approval models (their BPMN user task ids) and the co-signing subtask, the names the
 * workflow module and its callers agree on. The id, not the constant, is what the models, the inbox table and the
 * pages store: BPMN ids are camelCase ({@code jointReview}), so the constant carries it instead of being it.
 * Uploaded models may name their steps freely; {@link #of} places a step of such a model among these where its
 * id says so (a {@code decide…} step decides), else it is none of them.
 */
public enum ProcessStep {
    /** 受理. */
    ACCEPT("accept"),
    /** 审查. */
    REVIEW("review"),
    /** 联合审查: each department of a joint approval. */
    JOINT_REVIEW("jointReview"),
    /** 决定. */
    DECIDE("decide"),
    /** 加签: the co-signer's subtask ({@link WorkflowManagement#addCoSigner}). */
    COSIGN("cosign"),
    /** 补正 at acceptance: the applicant's task. */
    CORRECT("correct"),
    /** 补正 during review: the applicant's task. */
    CORRECT_IN_REVIEW("correctInReview");

    /** The steps an official's inbox is filtered and counted by, in the order a case meets them. */
    public static final List<ProcessStep> INBOX = List.of(ACCEPT, REVIEW, JOINT_REVIEW, DECIDE, COSIGN);

    private final String id;

    ProcessStep(String id) {
        this.id = id;
    }

    /** The id in the model and the inbox. */
    public String id() {
        return id;
    }

    public boolean is(String stepId) {
        return id.equals(stepId);
    }

    /** The step a task id names: its own, {@link #DECIDE} for any {@code decide…} id; empty for any other id. */
    public static Optional<ProcessStep> of(String stepId) {
        var exact = Arrays.stream(values()).filter(s -> s.id.equals(stepId)).findFirst();
        if (exact.isPresent()) return exact;
        return stepId.startsWith(DECIDE.id) ? Optional.of(DECIDE) : Optional.empty();
    }
}
