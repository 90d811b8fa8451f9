package org.tongban.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service item asks for a higher trust level (实名等级) than the applicant has: a submission is refused until
 * the applicant raises it (on the account page, by the population register and face check). Forbidden (403), and
 * the problem names the level the item needs, the caller's, and where to raise it.
 */
public class TrustLevelTooLowException extends CaseRefusedException {

    private static final long serialVersionUID = 1L;

    private final int required;
    private final int current;

    public TrustLevelTooLowException(int required, int current) {
        super(
                Kind.FORBIDDEN,
                "cases.error.trustLevel",
                "cases.error.trustLevelTitle",
                properties(required, current),
                required,
                current);
        this.required = required;
        this.current = current;
    }

    public int required() {
        return required;
    }

    public int current() {
        return current;
    }

    private static Map<String, Object> properties(int required, int current) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("requiredTrustLevel", required);
        properties.put("trustLevel", current);
        properties.put("raiseAt", "/account");
        return properties;
    }
}
