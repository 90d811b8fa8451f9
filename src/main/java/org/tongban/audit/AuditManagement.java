package org.tongban.audit;

import java.util.List;
import java.util.Map;
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

    /** A page of the entries that match, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<AuditEntryView> search(AuditQuery query, int limit) {
        return chain.search(query, Math.clamp(limit, 1, 500));
    }

    /** The rows of an export: the entries that match, newest first, at most {@link #EXPORT_LIMIT}. */
    @Transactional(readOnly = true)
    public List<AuditEntryView> exportRows(AuditQuery query) {
        return chain.search(query, EXPORT_LIMIT);
    }

    /** Records that the auditor exported entries (the export is itself an audited read). */
    @Transactional
    public void recordExport(String auditor, Map<String, String> filters, int rows) {
        var details = new java.util.TreeMap<>(filters);
        details.put("rows", Integer.toString(rows));
        chain.append(AuditRecord.success(AuditChain.ChainAudit.AUDIT_TRAIL_EXPORTED, auditor, "audit-trail", details));
    }

    /** The most rows one export holds; narrow the filters for more. */
    public static final int EXPORT_LIMIT = 10_000;
}
