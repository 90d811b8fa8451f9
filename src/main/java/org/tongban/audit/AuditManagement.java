package org.tongban.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.internal.AuditChain;

/**
 * The audit trail's API. Successful changes reach the trail as events after their transaction commits; a refusal
 * or a failure, whose transaction rolls back, is recorded with {@link #recordNow}, in a transaction of its own.
 */
@Service
public class AuditManagement {

    private final AuditChain chain;

    AuditManagement(AuditChain chain) {
        this.chain = chain;
    }

    /** Appends an event at once, in its own transaction, whatever happens to the caller's transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordNow(Audited event) {
        chain.append(event);
    }

    /** Re-computes the chain from the first row and reports the first broken link. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return chain.verify();
    }

    /** The newest entries, optionally of one code or one actor. */
    @Transactional(readOnly = true)
    public List<AuditEntryView> recent(int limit, @Nullable String code, @Nullable String actor) {
        return chain.recent(Math.clamp(limit, 1, 500), code, actor);
    }
}
