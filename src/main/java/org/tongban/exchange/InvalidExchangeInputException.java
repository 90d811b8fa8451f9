package org.tongban.exchange;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** Input to the exchange that cannot be accepted, field by field; nothing was written. */
public class InvalidExchangeInputException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidExchangeInputException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
