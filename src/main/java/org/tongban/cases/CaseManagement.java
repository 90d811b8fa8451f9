package org.tongban.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.internal.CaseStore;
import org.tongban.catalog.CatalogManagement;
import org.tongban.workflow.StartProcess;
import org.tongban.workflow.WorkflowManagement;

/**
 * Files applications. A submission is one transaction: the case row, its first timeline step, the approval
 * process and the event all commit together, or none of them does. The applicant's idempotency key makes a
 * repeated submit (a double tap, a retry after a lost answer) return the same case instead of a second one.
 */
@Service
public class CaseManagement {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CaseStore cases;
    private final CatalogManagement catalog;
    private final WorkflowManagement workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.system(CHINA);

    CaseManagement(CaseStore cases, CatalogManagement catalog, WorkflowManagement workflow,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.catalog = catalog;
        this.workflow = workflow;
        this.events = events;
    }

    /** Files the application and returns its case number (the same number for the same idempotency key). */
    @Transactional
    public String submit(SubmitCase command) {
        var key = command.idempotencyKey() == null ? "" : command.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw new CaseRefusedException("cases.error.idempotencyKey");
        var existing = cases.numberFor(command.applicant(), key);
        if (existing.isPresent()) return existing.get();
        var item = catalog.guide(command.itemCode()).orElseThrow(() -> new CaseRefusedException("cases.error.itemNotOffered"));
        var today = LocalDate.now(clock);
        var number = "%s-%s-%04d".formatted(item.code(), DAY.format(today), cases.nextSequence(item.code(), today));
        var form = json(command.formData());
        if (!cases.insert(number, item.code(), item.version(), item.departmentCode(), command.applicant(), key, form,
                Instant.now(clock))) {
            // The same applicant and key were filed by a concurrent request; this transaction's number stays unused.
            return cases.numberFor(command.applicant(), key).orElseThrow();
        }
        cases.step(number, "SUBMITTED", command.applicant().toString(), null, null);
        workflow.start(new StartProcess("standardApproval", number, item.departmentCode(),
                Map.of("itemCode", item.code(), "itemVersion", Integer.toString(item.version()))));
        events.publishEvent(new CaseSubmitted(number, item.code(), item.version(), command.applicant()));
        return number;
    }

    /** The applicant's cases, newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> mine(UUID applicant) {
        return cases.forApplicant(applicant);
    }

    /** One of the applicant's cases with its timeline; another person's case is not found. */
    @Transactional(readOnly = true)
    public CaseView mine(String number, UUID applicant) {
        return cases.ofApplicant(number, applicant).orElseThrow(() -> new CaseNotFoundException(number));
    }

    /** Form answers as a JSON object with sorted keys (plain strings only). */
    static String json(Map<String, String> form) {
        var sb = new StringBuilder("{");
        var first = true;
        for (var e : new TreeMap<>(form).entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(quote(e.getKey())).append(':').append(quote(e.getValue() == null ? "" : e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
