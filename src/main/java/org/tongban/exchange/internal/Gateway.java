package org.tongban.exchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.exchange.ExchangeAudit;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.shared.Refusal;

/**
 * The gateway's decision for one call (X-Road's lessons): the credential must name an approved grant of this resource
 * that covers today, the fields asked must be granted (none asked: all granted), personal conditional fields need the
 * subject's consent, and only the granted fields leave. Every call, granted or refused, is written to the call log;
 * a refusal also to the audit trail. A refusal says nothing about the subject's record.
 */
@Service("exchangeGateway")
public class Gateway {

    /** What a granted call answers. */
    public record Answer(String resource, String subject, Map<String, String> fields, long callId) {}

    private final AccessRequests requests;
    private final Catalogue catalogue;
    private final Sources sources;
    private final Consents consents;
    private final CallLog log;
    private final SubjectKeys keys;
    private final AuditManagement audit;
    private final Clock clock;

    Gateway(
            AccessRequests requests,
            Catalogue catalogue,
            Sources sources,
            Consents consents,
            CallLog log,
            SubjectKeys keys,
            AuditManagement audit,
            Clock clock) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.sources = sources;
        this.consents = consents;
        this.log = log;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param clientId the token's subject (the client)
     * @param scopes the token's scopes
     * @param asked the fields asked for, comma-separated; null or blank: every granted field
     */
    public Answer call(String clientId, Set<String> scopes, String resource, String subject, @Nullable String asked) {
        var grant = requests.byClient(clientId).orElse(null);
        var res = catalogue.find(resource).orElse(null);
        var kind = res == null ? SubjectKind.PERSON : res.subjectKind();
        var canonical = SubjectKeys.canonical(kind, subject.strip()).orElse(subject.strip());
        var index = keys.index(canonical);
        var masked = SubjectKeys.masked(kind, canonical);
        var wanted = new ArrayList<String>();
        if (asked != null && !asked.isBlank()) {
            for (var f : asked.split(",")) if (!f.isBlank() && !wanted.contains(f.strip())) wanted.add(f.strip());
        }
        if (grant == null || res == null || !grant.resourceCode().equals(resource) || !scopes.contains(grant.scope())) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "NOT_FOUND", "NO_GRANT", Refusal.Kind.NOT_FOUND);
        }
        if (grant.status() == RequestStatus.REVOKED) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "REFUSED", "REVOKED", Refusal.Kind.FORBIDDEN);
        }
        var today = LocalDate.now(clock);
        if (!grant.activeOn(today)) {
            var why = grant.status() == RequestStatus.APPROVED && today.isBefore(grant.validFrom())
                    ? "NOT_YET"
                    : "EXPIRED";
            throw refused(clientId, grant, resource, index, masked, wanted, "REFUSED", why, Refusal.Kind.FORBIDDEN);
        }
        var granted = java.util.Objects.requireNonNull(grant.grantedFields());
        if (wanted.isEmpty()) wanted.addAll(granted);
        if (!granted.containsAll(wanted)) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "REFUSED", "FIELDS", Refusal.Kind.FORBIDDEN);
        }
        if (SubjectKeys.canonical(kind, subject.strip()).isEmpty()) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "NOT_FOUND", "SUBJECT", Refusal.Kind.NOT_FOUND);
        }
        var needsConsent = res.personal()
                && res.subjectKind() == SubjectKind.PERSON
                && wanted.stream()
                        .anyMatch(f -> res.field(f)
                                .map(x -> x.shareClass() == ShareClass.CONDITIONAL)
                                .orElse(false));
        if (needsConsent && !consents.consented(grant.id(), index)) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "REFUSED", "NO_CONSENT", Refusal.Kind.FORBIDDEN);
        }
        var source = sources.find(res.source()).orElse(null);
        if (source == null) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "NOT_FOUND", "NO_SOURCE", Refusal.Kind.NOT_FOUND);
        }
        Map<String, String> record;
        try {
            record = source.read(canonical, Set.copyOf(wanted)).orElse(null);
        } catch (SourceUnavailableException e) {
            log.append(entry(clientId, grant, resource, index, masked, wanted, "REFUSED", "SOURCE_FAILED"));
            throw e;
        }
        if (record == null) {
            throw refused(
                    clientId, grant, resource, index, masked, wanted, "NOT_FOUND", "NO_RECORD", Refusal.Kind.NOT_FOUND);
        }
        // Only the granted fields leave, whatever the source sent.
        var out = new LinkedHashMap<String, String>();
        for (var f : wanted) if (record.containsKey(f)) out.put(f, record.get(f));
        long seq = log.append(entry(clientId, grant, resource, index, masked, wanted, "OK", null));
        return new Answer(resource, masked, out, seq);
    }

    private static CallLog.Entry entry(
            String clientId,
            @Nullable RequestView grant,
            String resource,
            byte[] index,
            String masked,
            List<String> fields,
            String result,
            @Nullable String reason) {
        return new CallLog.Entry(
                clientId,
                grant == null ? null : grant.id(),
                grant == null ? null : grant.requesterDepartment(),
                grant == null ? null : grant.purpose(),
                resource,
                index,
                masked,
                fields,
                result,
                reason);
    }

    private ExchangeRefusedException refused(
            String clientId,
            @Nullable RequestView grant,
            String resource,
            byte[] index,
            String masked,
            List<String> fields,
            String result,
            String reason,
            Refusal.Kind kind) {
        long seq = log.append(entry(clientId, grant, resource, index, masked, fields, result, reason));
        var details = new LinkedHashMap<String, String>();
        details.put("reason", reason);
        details.put("call", Long.toString(seq));
        if (grant != null) details.put("request", grant.id().toString());
        audit.recordNow(AuditRecord.denied(ExchangeAudit.EXCHANGE_CALL_REFUSED, clientId, resource, details));
        return kind == Refusal.Kind.NOT_FOUND
                ? ExchangeRefusedException.notFound()
                : new ExchangeRefusedException(kind, "exchange.gateway.refused." + reason);
    }
}
