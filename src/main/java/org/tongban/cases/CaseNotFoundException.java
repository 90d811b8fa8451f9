package org.tongban.cases;

import java.util.Map;
import org.tongban.shared.Refusal;

/** No such case, or not the caller's: the two are not told apart. */
public class CaseNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public CaseNotFoundException(String number) {
        super(Kind.NOT_FOUND, "problem.notFound.detail", null, "No case " + number, Map.of());
    }
}
