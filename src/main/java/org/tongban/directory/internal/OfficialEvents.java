package org.tongban.directory.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.identity.OfficialAppointed;
import org.tongban.identity.OfficialWithdrawn;

/**
 * Keeps the read model up to date with identity's appointments and withdrawals. Idempotent: each event carries its
 * time, and an entry takes a fact only when it is not older than the one it holds, so a redelivery (after a crash,
 * or on another node) or a late event changes nothing.
 */
@Component
class OfficialEvents {

    private final DirectoryStore store;

    OfficialEvents(DirectoryStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(OfficialAppointed event) {
        store.appoint(event.accountId(), event.name(), event.departmentCode(), event.post(), event.at());
    }

    @ApplicationModuleListener
    void on(OfficialWithdrawn event) {
        store.withdraw(event.accountId(), event.departmentCode(), event.at());
    }
}
