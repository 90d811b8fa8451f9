package org.tongban.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the caller may make in general but that is refused now: not found (or not the caller's, which is not
 * told apart), forbidden, in conflict with the object's state, or unprocessable as asked. The {@link Kind} decides
 * the HTTP status, here and nowhere else; the message key says why, in the caller's language, with its arguments.
 *
 * <p>A module throws its own subclass (its name says whose refusal it is) and fixes the kind there, so a page and
 * an API answer the same refusal with the same status. Optional problem properties (such as
 * {@code requiredTrustLevel}) travel to the API's problem detail as they are; they must never hold personal data.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is refused; each kind is one HTTP status and a default problem title. */
    public enum Kind {
        NOT_FOUND(404, "problem.notFound.title"),
        FORBIDDEN(403, "problem.forbidden.title"),
        CONFLICT(409, "problem.conflict.title"),
        UNPROCESSABLE(422, "problem.invalid.title");

        private final int status;
        private final String titleKey;

        Kind(int status, String titleKey) {
            this.status = status;
            this.titleKey = titleKey;
        }

        public int status() {
            return status;
        }

        public String titleKey() {
            return titleKey;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final @Nullable String titleKey;
    private final Object[] messageArgs;
    private final Map<String, Object> properties;

    public Refusal(Kind kind, String messageKey, Object... messageArgs) {
        this(kind, messageKey, null, messageKey, Map.of(), messageArgs);
    }

    /**
     * @param titleKey the problem title, when the kind's generic one says too little (null: the kind's)
     * @param logMessage English for the log; never the rejected value when that is personal data
     */
    protected Refusal(
            Kind kind,
            String messageKey,
            @Nullable String titleKey,
            String logMessage,
            Map<String, ?> properties,
            Object... messageArgs) {
        super(logMessage);
        this.kind = kind;
        this.messageKey = messageKey;
        this.titleKey = titleKey;
        this.messageArgs = messageArgs.clone();
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Kind kind() {
        return kind;
    }

    /** Why, as a message key: the problem's detail on the API, the message on a page. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }

    /** The problem title's message key: the subclass's own, or the kind's. */
    public String titleKey() {
        return titleKey == null ? kind.titleKey() : titleKey;
    }

    /** Extra members of the API's problem detail, in order. */
    public Map<String, Object> properties() {
        return properties;
    }

    public int status() {
        return kind.status();
    }
}
