package org.tongban.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.audit.Audited;

/**
 * Hears every {@link Audited} event after its transaction commits and appends it to the chain. The event
 * publication registry keeps the event until this succeeds, so a crash between commit and append loses nothing.
 */
@Component
class AuditRecorder {

    private final AuditChain chain;

    AuditRecorder(AuditChain chain) {
        this.chain = chain;
    }

    @ApplicationModuleListener
    void on(Audited event) {
        chain.append(event);
    }
}
