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
 * A read of personal data is recorded with {@link #recordWithin}, in the reader's transaction: the data leaves
 * only if its audit entry is written.
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

    /**
     * Appends an event in the caller's transaction, which must exist: the action and its entry commit together
     * or not at all. For reads of personal data, where an entry appended after the answer has left could fail
     * and leave the read unrecorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(Audited event) {
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
