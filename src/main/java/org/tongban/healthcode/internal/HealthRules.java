package org.tongban.healthcode.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tongban.healthcode.HealthCodes.Code;
import org.tongban.healthcode.HealthCodes.Reason;
import org.tongban.healthcode.HealthStatus;

/**
 * The rules that turn a person's records into a colour (ADR 0042; docs/healthcode.md), fixed in code:
 *
 * <ol>
 *   <li><b>Red</b>: a positive nucleic-acid or antigen test sampled in the last 14 days with no negative
 *       nucleic-acid (PCR) test sampled after it.
 *   <li><b>Yellow</b>: a close contact (密接) on one of the last 7 days (today included); a secondary contact (次密接)
 *       on one of the last 7 days; a visit to a medium- or high-risk area on one of the last 7 days.
 *   <li><b>Green</b>: none of these (also a person of whom the health department holds no record).
 * </ol>
 *
 * Every rule that applies gives a reason in words; the colour is the most severe. Vaccinations and the latest test
 * are shown but do not change the colour. Days are China's calendar days.
 */
final class HealthRules {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Duration POSITIVE_WINDOW = Duration.ofDays(14);
    static final int EXPOSURE_DAYS = 7;

    private HealthRules() {}

    static Code assess(HealthRecords records, Instant now) {
        var reasons = new ArrayList<Reason>();
        var status = HealthStatus.GREEN;
        var today = LocalDate.ofInstant(now, CHINA);
        var positive = records.tests().stream()
                .filter(HealthRecords.Test::positive)
                .filter(t -> !t.at().isAfter(now) && t.at().isAfter(now.minus(POSITIVE_WINDOW)))
                .max(Comparator.comparing(HealthRecords.Test::at));
        if (positive.isPresent()) {
            var p = positive.get();
            boolean clearedLater = records.tests().stream()
                    .anyMatch(t -> !t.positive() && t.kind().equals("PCR") && t.at().isAfter(p.at()));
            if (!clearedLater) {
                status = HealthStatus.RED;
                reasons.add(new Reason(
                        "healthcode.reason.positive." + p.kind(),
                        List.of(day(p.at()).toString(), p.institution())));
            }
        }
        for (var e : records.exposures()) {
            long daysAgo = java.time.temporal.ChronoUnit.DAYS.between(e.on(), today);
            if (daysAgo < 0 || daysAgo >= EXPOSURE_DAYS) continue;
            if (!List.of("CLOSE_CONTACT", "SECONDARY_CONTACT", "RISK_AREA").contains(e.kind())) continue;
            if (status == HealthStatus.GREEN) status = HealthStatus.YELLOW;
            reasons.add(new Reason("healthcode.reason." + e.kind(), List.of(e.on().toString(), e.place())));
        }
        if (reasons.isEmpty()) reasons.add(new Reason("healthcode.reason.none", List.of()));
        int doses = records.vaccinations().stream()
                .mapToInt(HealthRecords.Vaccination::dose)
                .max()
                .orElse(0);
        var latest = records.tests().stream()
                .filter(t -> !t.at().isAfter(now))
                .max(Comparator.comparing(HealthRecords.Test::at))
                .map(t -> new org.tongban.healthcode.HealthCodes.LatestTest(day(t.at()), t.kind(), t.positive()))
                .orElse(null);
        return new Code(status, List.copyOf(reasons), now, doses, latest);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }
}
