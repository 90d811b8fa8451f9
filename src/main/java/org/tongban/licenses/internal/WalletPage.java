package org.tongban.licenses.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a holder's licences, newest first. Pass {@code next} as {@code before} to get the following page; null
 * when this is the last (keyset paging: no offset, so page 1,000 of a large register costs what page 1 does).
 */
public record WalletPage(List<LicenseSummary> licences, @Nullable Long next) {

    public WalletPage {
        licences = List.copyOf(licences);
    }
}
