package org.tongban.cases.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.internal.CaseSummary;
import org.tongban.cases.internal.CaseView;
import org.tongban.identity.EnterpriseView;

/**
 * Which cases a channel shows (ADR 0030, addendum): the citizen channel the person's own, the business channel
 * those filed as the current enterprise, by whoever acted for it. A case of the other kind is not found in a
 * channel, so a number guessed or copied across does not open it.
 */
final class ChannelCases {

    private ChannelCases() {}

    static boolean business(String channel) {
        return channel.equals("business");
    }

    /** The enterprise a business page files as; null in the citizen channel. */
    static @Nullable String filingAs(String channel, @Nullable EnterpriseView enterprise) {
        return business(channel) && enterprise != null ? enterprise.creditCode() : null;
    }

    static List<CaseSummary> list(CaseManagement cases, String channel, UUID me, @Nullable EnterpriseView enterprise) {
        if (!business(channel)) return cases.mine(me);
        return enterprise == null ? List.of() : cases.ofEnterprise(enterprise);
    }

    /** The case as this channel shows it; not found in the wrong channel or for an enterprise not held now. */
    static CaseView one(
            CaseManagement cases, String channel, String number, UUID me, @Nullable EnterpriseView enterprise) {
        if (business(channel)) {
            if (enterprise == null) throw new CaseNotFoundException(number);
            return cases.ofEnterprise(number, enterprise);
        }
        var view = cases.mine(number, me);
        if (view.filedAsEnterprise()) throw new CaseNotFoundException(number);
        return view;
    }
}
