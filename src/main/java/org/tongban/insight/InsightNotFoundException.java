package org.tongban.insight;

import org.tongban.shared.Refusal;

/** No such figure for this caller: another department's, or an unknown figure. */
public class InsightNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public InsightNotFoundException() {
        super(Refusal.Kind.NOT_FOUND, "insight.error.notFound");
    }
}
