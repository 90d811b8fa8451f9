package org.tongban.audit.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys an unkeyed chain once, when the first version with a chain key starts, and checkpoints the head outside the
 * database at {@code tongban.audit.checkpoint-interval} (ADR 0014).
 */
@Component
class ChainMaintenance {

    private final AuditChain chain;
    private final TransactionTemplate tx;

    ChainMaintenance(AuditChain chain, TransactionTemplate tx) {
        this.chain = chain;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void keyAnUnkeyedChain() {
        tx.executeWithoutResult(status -> chain.markKeyed());
    }

    @Scheduled(
            fixedDelayString = "${tongban.audit.checkpoint-interval}",
            initialDelayString = "${tongban.audit.checkpoint-interval}")
    void checkpoint() {
        chain.checkpoint();
    }
}
