package org.tongban.licenses.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a holder's licenses, newest first. Pass {@code next} as {@code before} to get the following page; null
 * when this is the last (keyset paging: no offset, so page 1,000 of a large register costs what page 1 does).
 */
public record WalletPage(
        List<LicenseSummary> licenses, @Nullable Long next) {

    public WalletPage {
        licenses = List.copyOf(licenses);
    }
}
