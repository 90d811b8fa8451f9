package org.tongban.ratings;

import java.time.LocalDate;
import java.util.List;

/** Ratings counted per department and per item, as of a day (overdue means: deadline before that day, still open). */
public record RatingStatistics(LocalDate asOf, List<Row> byDepartment, List<Row> byItem) {

    /**
     * @param average the mean level, 1 to 5
     * @param badShare the share of ratings of level 1 or 2, 0 to 1
     */
    public record Row(
            String code,
            String nameZh,
            String nameEn,
            long ratings,
            double average,
            double badShare,
            long openRectifications,
            long overdueRectifications) {}
}
