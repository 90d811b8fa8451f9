package org.tongban.workflow;

import java.util.List;
import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * An uploaded process model was refused (unprocessable); nothing was deployed. Carries every reason found, not only
 * the first.
 */
public class InvalidProcessModelException extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final List<ModelProblem> problems;

    public InvalidProcessModelException(String fileName, List<ModelProblem> problems) {
        super(
                Kind.UNPROCESSABLE,
                "workflow.processes.refused",
                null,
                "Process model " + fileName + " refused: "
                        + String.join(
                                "; ",
                                problems.stream().map(ModelProblem::describe).toList()),
                Map.of(),
                fileName);
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    public String fileName() {
        return fileName;
    }

    public List<ModelProblem> problems() {
        return problems;
    }

    /** The reasons as text, each with its line and element where known. */
    public List<String> reasons() {
        return problems.stream().map(ModelProblem::describe).toList();
    }
}
