package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseStatus;

/** An official replaces a valid license of their department with its next version (换发, 补发, 变更). */
@Service
class Reissue {

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final LicenseRegister register;
    private final IssueChecks checks;
    private final Clock clock;

    Reissue(LicenseTypeStore types, LicenseStore store, LicenseRegister register, IssueChecks checks, Clock clock) {
        this.clock = clock;
        this.types = types;
        this.store = store;
        this.register = register;
        this.checks = checks;
    }

    /** See {@link LicenseIssuance#reissue}. */
    @Transactional
    LicenseSummary reissue(UUID official, String requestKey, String identifier, IssueLicense command) {
        var actor = official.toString();
        var key = IssueChecks.requestKey(requestKey);
        var repeated = store.byRequest(actor, key);
        if (repeated.isPresent()) return register.summary(repeated.get(), today());
        var previous = register.lock(identifier).orElseThrow(LicenseNotFoundException::new);
        var department = checks.department(official, previous.type());
        if (!previous.issuedBy(department.code())) throw new LicenseNotFoundException();
        var now = clock.instant();
        var refusal = previous.refusal(LicenseStatus.CANCELLED, today());
        if (refusal.isPresent()) {
            var status = previous.status(today()).name();
            checks.refused(actor, identifier, refusal.get().auditReason(), Map.of("status", status));
            throw refusal.get().exception();
        }
        var type = types.find(previous.type()).orElseThrow();
        var old = register.document(previous);
        var data = new HashMap<>(old.data());
        command.data().forEach((k, v) -> {
            if (v != null && !v.isBlank()) data.put(k, v);
        });
        var merged = new IssueLicense(
                type.code(),
                command.holderName().isBlank() ? old.holderName() : command.holderName(),
                old.holderId(),
                data,
                command.number() == null ? old.number() : command.number(),
                command.validFrom(),
                command.validTo());
        var draft = checks.draft(type, merged, today(), actor, identifier);
        var row = register.replace(previous, draft, department, null, key, actor, now);
        return register.summary(row.id(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
