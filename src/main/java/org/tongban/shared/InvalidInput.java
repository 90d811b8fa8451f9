package org.tongban.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be accepted, field by field: each field maps to a message key (and, optionally, its arguments),
 * so that a page shows the message next to the field and the API answers a 422 problem listing them under
 * {@code errors}. Nothing was written. All problems at once, not only the first.
 *
 * <p>Modules throw their own subclass (its name says whose input it is). The English message is for the log and
 * names only the fields, never the values, which are often personal data.
 */
public class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;
    private final Map<String, List<Object>> fieldArgs;
    private final @Nullable String detailKey;

    public InvalidInput(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of(), null);
    }

    /**
     * @param fieldArgs the arguments of a field's message, for the fields whose message has any
     * @param detailKey the problem's detail and the page's message above the form (null: the generic one)
     */
    protected InvalidInput(
            Map<String, String> fieldErrors, Map<String, List<Object>> fieldArgs, @Nullable String detailKey) {
        super("Invalid input: " + fieldErrors.keySet());
        // Insertion order is kept: it is the order of the fields on the form.
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.fieldArgs = Map.copyOf(fieldArgs);
        this.detailKey = detailKey;
    }

    /** One field's error, with the arguments of its message. */
    public static InvalidInput field(String field, String messageKey, Object... args) {
        return new InvalidInput(
                Map.of(field, messageKey), args.length == 0 ? Map.of() : Map.of(field, List.of(args)), null);
    }

    /** Field name to message key, in the order of the form. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Object[] fieldArgs(String field) {
        return fieldArgs.getOrDefault(field, List.of()).toArray();
    }

    /** The message key of the whole, above the fields. */
    public String detailKey() {
        return detailKey == null ? "problem.invalid.detail" : detailKey;
    }
}
