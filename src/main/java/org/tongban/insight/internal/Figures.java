package org.tongban.insight.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one dashboard: the province's (department null) or one department's, for the cases submitted in a
 * period (ADR 0044), with names for people, never codes.
 */
public record Figures(
        LocalDate from,
        LocalDate to,
        @Nullable String department,
        @Nullable String departmentName,
        Row total,
        List<Row> byItem,
        List<Row> byDepartment,
        List<Row> byChannel,
        List<Row> byDay,
        long openOverdue,
        List<Count> ratings,
        long badRatings,
        long rectified,
        long licencesIssued,
        long licencesShown,
        long documentsDelivered,
        long documentsDone,
        List<Count> activeUsers) {

    /** Sums of cases under one key (an item, a department, a channel or a day), and its name in words. */
    public record Row(
            String key,
            String name,
            long submitted,
            long zeroVisit,
            long concluded,
            long onTime,
            long late,
            long handlingDays) {

        public double zeroVisitRate() {
            return percent(zeroVisit, submitted);
        }

        public double onTimeRate() {
            return percent(onTime, concluded);
        }

        public double lateRate() {
            return percent(late, concluded);
        }

        public double averageDays() {
            return concluded == 0 ? 0 : Math.round(10.0 * handlingDays / concluded) / 10.0;
        }
    }

    /** A count under a key with its name: ratings of one level, active users of one channel. */
    public record Count(String key, String name, long count) {}

    public double rectificationRate() {
        return percent(rectified, badRatings);
    }

    public double documentsRate() {
        return percent(documentsDone, documentsDelivered);
    }

    public long ratingsTotal() {
        return ratings.stream().mapToLong(Count::count).sum();
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
