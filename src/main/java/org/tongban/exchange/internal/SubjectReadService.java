package org.tongban.exchange.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.exchange.ExchangeAudit;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.exchange.SubjectReads;
import org.tongban.shared.Refusal;

/**
 * The exchange's reads for the data subject by a platform feature ({@link SubjectReads}): the same checks on the
 * resource and its fields as the gateway's, no grant or consent (the subject is the one served), and the same signed
 * call log, with the feature as the caller and its department as the requester.
 */
@Service
class SubjectReadService implements SubjectReads {

    private final Catalogue catalogue;
    private final Sources sources;
    private final CallLog log;
    private final SubjectKeys keys;
    private final AuditManagement audit;

    SubjectReadService(Catalogue catalogue, Sources sources, CallLog log, SubjectKeys keys, AuditManagement audit) {
        this.catalogue = catalogue;
        this.sources = sources;
        this.log = log;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public Optional<Map<String, String>> readForSubject(Read read) {
        var client = "platform:" + read.feature();
        var canonical =
                SubjectKeys.canonical(SubjectKind.PERSON, read.idNumber().strip());
        var subject = canonical.orElse(read.idNumber().strip());
        var index = keys.index(subject);
        var masked = SubjectKeys.masked(SubjectKind.PERSON, subject);
        var res = catalogue.find(read.resource()).orElse(null);
        var source = res == null ? null : sources.find(res.source()).orElse(null);
        if (res == null || source == null || res.subjectKind() != SubjectKind.PERSON) {
            throw refused(read, client, index, masked, "NOT_FOUND", "NO_SOURCE", Refusal.Kind.NOT_FOUND);
        }
        for (var f : read.fields()) {
            var field = res.field(f).orElse(null);
            if (field == null || field.shareClass() == ShareClass.NONE) {
                throw refused(read, client, index, masked, "REFUSED", "FIELDS", Refusal.Kind.FORBIDDEN);
            }
        }
        if (read.fields().isEmpty() || read.purpose().isBlank()) {
            throw refused(read, client, index, masked, "REFUSED", "NO_PURPOSE", Refusal.Kind.FORBIDDEN);
        }
        if (canonical.isEmpty()) {
            throw refused(read, client, index, masked, "NOT_FOUND", "SUBJECT", Refusal.Kind.NOT_FOUND);
        }
        Map<String, String> record;
        try {
            record = source.read(subject, Set.copyOf(read.fields())).orElse(null);
        } catch (SourceUnavailableException e) {
            log.append(entry(read, client, index, masked, "REFUSED", "SOURCE_FAILED"));
            throw e;
        }
        if (record == null) {
            log.append(entry(read, client, index, masked, "NOT_FOUND", "NO_RECORD"));
            return Optional.empty();
        }
        var out = new LinkedHashMap<String, String>();
        for (var f : read.fields()) if (record.containsKey(f)) out.put(f, record.get(f));
        log.append(entry(read, client, index, masked, "OK", null));
        return Optional.of(out);
    }

    private static CallLog.Entry entry(
            Read read,
            String client,
            byte[] index,
            String masked,
            String result,
            @org.jspecify.annotations.Nullable String reason) {
        return new CallLog.Entry(
                client,
                null,
                read.department(),
                read.purpose().isBlank() ? null : read.purpose(),
                read.resource(),
                index,
                masked,
                read.fields(),
                result,
                reason);
    }

    private ExchangeRefusedException refused(
            Read read, String client, byte[] index, String masked, String result, String reason, Refusal.Kind kind) {
        long seq = log.append(entry(read, client, index, masked, result, reason));
        var details = new LinkedHashMap<String, String>();
        details.put("reason", reason);
        details.put("call", Long.toString(seq));
        audit.recordNow(AuditRecord.denied(ExchangeAudit.EXCHANGE_CALL_REFUSED, client, read.resource(), details));
        return kind == Refusal.Kind.NOT_FOUND
                ? ExchangeRefusedException.notFound()
                : new ExchangeRefusedException(kind, "exchange.gateway.refused." + reason);
    }
}
