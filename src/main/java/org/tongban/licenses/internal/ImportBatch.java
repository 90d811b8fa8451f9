package org.tongban.licenses.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.DepartmentView;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.internal.Issuer.Placement;
import org.tongban.shared.GmCrypto;

/**
 * An official imports licenses of one type from CSV (批量导入): every row checked on its own, the good ones signed and
 * inserted in chunks, each chunk in a transaction of its own, so that a file of 100,000 rows neither holds one
 * transaction open for minutes nor loses the chunks before a failure. Announced once, as
 * {@link LicenseAudit#LICENCE_BATCH_IMPORTED}, not license by license.
 */
@Service
class ImportBatch {

    /** The most rows a batch may have, besides its header. */
    static final int MAX_ROWS = 100_000;

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final Issuer issuer;
    private final IssueChecks checks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final LicenseProperties properties;
    private final Clock clock;

    ImportBatch(
            LicenseTypeStore types,
            LicenseStore store,
            Issuer issuer,
            IssueChecks checks,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            LicenseProperties properties,
            Clock clock) {
        this.clock = clock;
        this.types = types;
        this.store = store;
        this.issuer = issuer;
        this.checks = checks;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** See {@link LicenseIssuance#importCsv}. Not in a transaction: each chunk has its own. */
    BatchReport importCsv(UUID official, String type, String fileName, byte[] csv) {
        var actor = official.toString();
        var department = checks.department(official, type);
        var licenseType = types.find(type).orElseThrow();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(csv);
        } catch (Csv.MalformedCsvException e) {
            throw batchRefused(actor, type, "licenses.batch.error.notCsv");
        }
        if (rows.size() < 2) throw batchRefused(actor, type, "licenses.batch.error.empty");
        if (rows.size() - 1 > MAX_ROWS) throw batchRefused(actor, type, "licenses.batch.error.tooManyRows");
        var columns = columns(licenseType, rows.getFirst().fields());
        if (columns == null) throw batchRefused(actor, type, "licenses.batch.error.columns");

        var batchId = UUID.randomUUID();
        var fileKey = "batch:" + GmCrypto.hex(GmCrypto.sm3(csv)).substring(0, 32) + ":";
        var refused = new ArrayList<BatchReport.RefusedRow>();
        var seen = new HashSet<ByteBuffer>();
        String first = null;
        String last = null;
        int issued = 0;
        var today = LocalDate.now(clock);
        var body = rows.subList(1, rows.size());
        for (int from = 0; from < body.size(); from += properties.batchChunk()) {
            var chunk = body.subList(from, Math.min(body.size(), from + properties.batchChunk()));
            var placed = transactions.execute(s -> importChunk(
                    licenseType, department, columns, chunk, fileKey, batchId, actor, today, seen, refused));
            for (var identifier : placed) {
                if (first == null) first = identifier;
                last = identifier;
            }
            issued += placed.size();
        }
        refused.sort(java.util.Comparator.comparingInt(BatchReport.RefusedRow::row));
        int issuedCount = issued;
        var now = clock.instant();
        transactions.executeWithoutResult(s -> {
            store.insertBatch(
                    batchId,
                    type,
                    department.code(),
                    fileName == null ? "" : fileName,
                    body.size(),
                    issuedCount,
                    refused.size(),
                    actor,
                    now);
            events.publishEvent(AuditRecord.success(
                    LicenseAudit.LICENCE_BATCH_IMPORTED,
                    actor,
                    batchId.toString(),
                    Map.of(
                            "type",
                            type,
                            "department",
                            department.code(),
                            "rows",
                            Integer.toString(body.size()),
                            "issued",
                            Integer.toString(issuedCount),
                            "refused",
                            Integer.toString(refused.size()))));
        });
        return new BatchReport(batchId, type, body.size(), issued, refused, first, last);
    }

    private List<String> importChunk(
            LicenseTypeView type,
            DepartmentView department,
            String[] columns,
            List<Csv.Row> chunk,
            String fileKey,
            UUID batchId,
            String actor,
            LocalDate today,
            java.util.Set<ByteBuffer> seen,
            List<BatchReport.RefusedRow> refused) {
        var candidates = new ArrayList<Placement>();
        var lines = new ArrayList<Integer>();
        for (var row : chunk) {
            var command = command(type, columns, row.fields());
            var checked = Drafts.check(type, command, today);
            if (!checked.ok()) {
                refused.add(new BatchReport.RefusedRow(row.line(), checked.errors()));
                continue;
            }
            candidates.add(new Placement(checked.valid(), department, null, null, batchId, fileKey + row.line()));
            lines.add(row.line());
        }
        var used = store.usedRequestKeys(
                actor, candidates.stream().map(Placement::requestKey).toList());
        var holders = candidates.stream()
                .map(p -> issuer.holderIndex(p.draft().holderId()))
                .toList();
        var holding = type.allowMultiple() ? java.util.Set.<ByteBuffer>of() : store.activeHolders(type.code(), holders);
        var placements = new ArrayList<Placement>();
        var placementLines = new ArrayList<Integer>();
        for (int i = 0; i < candidates.size(); i++) {
            var holder = ByteBuffer.wrap(holders.get(i));
            if (used.contains(candidates.get(i).requestKey())) {
                refused.add(new BatchReport.RefusedRow(
                        lines.get(i), Map.of("row", "licenses.batch.error.alreadyImported")));
            } else if (holding.contains(holder)) {
                refused.add(
                        new BatchReport.RefusedRow(lines.get(i), Map.of("holderId", "licenses.error.alreadyHolds")));
            } else if (!type.allowMultiple() && !seen.add(holder)) {
                refused.add(new BatchReport.RefusedRow(
                        lines.get(i), Map.of("holderId", "licenses.batch.error.duplicateInFile")));
            } else {
                placements.add(candidates.get(i));
                placementLines.add(lines.get(i));
            }
        }
        var outcomes = issuer.issue(placements, actor, clock.instant());
        var identifiers = new ArrayList<String>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).inserted())
                identifiers.add(outcomes.get(i).row().identifier());
            else
                refused.add(new BatchReport.RefusedRow(
                        placementLines.get(i), Map.of("holderId", "licenses.error.alreadyHolds")));
        }
        return identifiers;
    }

    /** The header's columns as field names; null when a column is unknown, repeated, or a required one is missing. */
    private static String @Nullable [] columns(LicenseTypeView type, List<String> header) {
        var standard = Map.of(
                "holderName",
                "持证主体名称",
                "holderId",
                "持证主体代码",
                "number",
                "证照编号",
                "validFrom",
                "有效期起始日期",
                "validTo",
                "有效期截止日期");
        var names = new String[header.size()];
        var seen = new HashSet<String>();
        for (int i = 0; i < header.size(); i++) {
            var h = header.get(i).strip();
            String name = null;
            for (var e : standard.entrySet()) {
                if (e.getKey().equals(h) || e.getValue().equals(h)) name = e.getKey();
            }
            for (var f : type.fields()) {
                if (f.name().equals(h) || f.zh().equals(h)) name = f.name();
            }
            if (name == null || !seen.add(name)) return null;
            names[i] = name;
        }
        if (!seen.contains("holderName") || !seen.contains("holderId")) return null;
        for (var f : type.fields()) {
            if (f.required() && !seen.contains(f.name())) return null;
        }
        return names;
    }

    private static IssueLicense command(LicenseTypeView type, String[] columns, List<String> fields) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < columns.length && i < fields.size(); i++) values.put(columns[i], fields.get(i));
        var data = new HashMap<String, String>();
        for (var f : type.fields()) {
            if (values.containsKey(f.name())) data.put(f.name(), values.get(f.name()));
        }
        if (fields.size() > columns.length)
            data.put("(extra)", String.join(",", fields.subList(columns.length, fields.size())));
        return new IssueLicense(
                type.code(),
                values.getOrDefault("holderName", ""),
                values.getOrDefault("holderId", ""),
                data,
                values.get("number"),
                date(values.get("validFrom")),
                date(values.get("validTo")));
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            // Reported by the check as a bad date: a day that cannot be read is neither "today" nor "by the rule".
            return LocalDate.of(1, 1, 1);
        }
    }

    private LicenseRefusedException batchRefused(String actor, String type, String key) {
        checks.refused(actor, type, "BATCH:" + key.substring(key.lastIndexOf('.') + 1), Map.of());
        return new LicenseRefusedException(key, LicenseRefusedException.Kind.UNPROCESSABLE);
    }
}
