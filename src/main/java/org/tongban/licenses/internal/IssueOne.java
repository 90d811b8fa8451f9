package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An official issues one license of a type their department issues (发证), with an idempotency key. */
@Service
class IssueOne {

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final LicenseRegister register;
    private final IssueChecks checks;
    private final Clock clock;

    IssueOne(LicenseTypeStore types, LicenseStore store, LicenseRegister register, IssueChecks checks, Clock clock) {
        this.clock = clock;
        this.types = types;
        this.store = store;
        this.register = register;
        this.checks = checks;
    }

    /** See {@link LicenseIssuance#issue}. */
    @Transactional
    LicenseSummary issue(UUID official, String requestKey, IssueLicense command) {
        var actor = official.toString();
        var key = IssueChecks.requestKey(requestKey);
        var repeated = store.byRequest(actor, key);
        if (repeated.isPresent()) return register.summary(repeated.get(), today());
        var department = checks.department(official, command.type());
        var type = types.find(command.type()).orElseThrow();
        var draft = checks.draft(type, command, today(), actor, command.type());
        var now = clock.instant();
        if (!type.allowMultiple()
                && register.activeNow(type.code(), draft.holderId(), now).isPresent()) {
            throw checks.alreadyHolds(actor, type.code());
        }
        var outcome = register.place(License.first(draft, department, null, null, key), actor, now);
        if (!outcome.inserted()) {
            // A concurrent request: the same key (answer as the first), or another license for the same holder.
            var same = store.byRequest(actor, key);
            if (same.isPresent()) return register.summary(same.get(), today());
            throw checks.alreadyHolds(actor, type.code());
        }
        return register.summary(outcome.row().id(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
