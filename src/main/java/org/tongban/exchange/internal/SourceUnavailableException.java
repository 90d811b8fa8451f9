package org.tongban.exchange.internal;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.Refusal;

/** A department's system did not answer as it should: the call fails (409), it never answers empty. */
public class SourceUnavailableException extends Refusal {

    private static final long serialVersionUID = 1L;

    SourceUnavailableException(String source, @Nullable Throwable cause) {
        super(Kind.CONFLICT, "exchange.error.sourceUnavailable");
        if (cause != null) initCause(cause);
    }
}
