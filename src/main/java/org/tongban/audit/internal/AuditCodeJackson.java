package org.tongban.audit.internal;

import org.springframework.stereotype.Component;
import org.tongban.audit.AuditCode;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Teaches the platform's JSON mapper, which the event publication registry uses too, to read an {@link AuditCode}
 * back from its name. Without it an audited event that is delivered again (after a crash, a failed append, or a
 * publication outside a transaction) cannot be read, and the replay at start-up fails with the node's start.
 * A name that no enum declares any more is kept as a {@link StoredCode}, so an old event never stops a start.
 */
@Component
class AuditCodeJackson extends SimpleModule {

    private static final long serialVersionUID = 1L;

    AuditCodeJackson(KnownCodes codes) {
        super("tongban-audit-codes");
        addDeserializer(AuditCode.class, new Reader(codes));
    }

    /** An audit code read back by name that no enum declares now. */
    record StoredCode(String name) implements AuditCode {}

    private static final class Reader extends ValueDeserializer<AuditCode> {

        private final transient KnownCodes codes;

        Reader(KnownCodes codes) {
            this.codes = codes;
        }

        @Override
        public AuditCode deserialize(JsonParser parser, DeserializationContext context) {
            var name = parser.getValueAsString();
            if (name == null || name.isBlank()) {
                return context.reportInputMismatch(AuditCode.class, "an audit code is a non-empty name");
            }
            return codes.find(name).orElseGet(() -> new StoredCode(name));
        }
    }
}
