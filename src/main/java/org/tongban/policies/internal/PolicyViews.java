package org.tongban.policies.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the pages and the API show, in the reader's language. */
public final class PolicyViews {

    private PolicyViews() {}

    /** One condition of a policy and whether the enterprise meets it, in words. */
    public record Reason(String wording, boolean met) {}

    /** A policy as an enterprise sees it, with the reasons. */
    public record Offer(
            UUID id,
            String title,
            String department,
            String benefit,
            List<String> documents,
            LocalDate validTo,
            boolean automatic,
            @Nullable String serviceItem,
            @Nullable String serviceItemName,
            boolean matched,
            boolean granted,
            List<Reason> reasons) {}

    /** The current enterprise's matched and nearly matched policies; no profile yet: both empty. */
    public record Offers(boolean profiled, List<Offer> matched, List<Offer> nearlyMatched) {}

    /** A benefit granted without application. */
    public record Benefit(UUID policyId, String title, String department, String benefit, Instant grantedAt) {}

    /** A policy in its department's list. */
    public record Row(UUID id, String title, Policy.Status status, boolean automatic, LocalDate validTo, int matched) {}

    /** An enterprise that matches a policy, and whether it already has the benefit. */
    public record Match(String creditCode, String name, String region, String size, boolean granted) {}
}
