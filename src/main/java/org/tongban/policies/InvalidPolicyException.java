package org.tongban.policies;

import java.util.List;
import java.util.Map;
import org.tongban.shared.InvalidInput;

/**
 * A policy draft whose fields fail their checks: message keys by field, all at once, with the rule compiler's own
 * words as the argument of a condition's message. Nothing was written.
 */
public class InvalidPolicyException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidPolicyException(Map<String, String> fieldErrors, Map<String, List<Object>> fieldArgs) {
        super(fieldErrors, fieldArgs, null);
    }
}
