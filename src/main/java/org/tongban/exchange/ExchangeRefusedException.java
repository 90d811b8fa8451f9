package org.tongban.exchange;

import org.tongban.shared.Refusal;

/** A request to the exchange refused now: not found (or another department's), forbidden, or in conflict. */
public class ExchangeRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public ExchangeRefusedException(Kind kind, String messageKey, Object... args) {
        super(kind, messageKey, args);
    }

    public static ExchangeRefusedException notFound() {
        return new ExchangeRefusedException(Kind.NOT_FOUND, "exchange.error.notFound");
    }
}
