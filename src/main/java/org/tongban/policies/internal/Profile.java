package org.tongban.policies.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * An enterprise's profile as eligibility rules see it (一企一档): GB/T 4754 industry code (section letter and up to
 * four digits), GB/T 2260 region code, registered capital in 万元, date of establishment, size (微型, 小型, 中型,
 * 大型), headcount, tax credit rating (A, B, M, C, D), the licence type codes held, and whether it has a bad
 * credit record.
 */
public record Profile(
        String creditCode,
        String name,
        String industry,
        String region,
        long capital,
        LocalDate established,
        String size,
        int headcount,
        String taxRating,
        List<String> licences,
        boolean badRecord) {

    public static final List<String> SIZES = List.of("微型", "小型", "中型", "大型");
    public static final List<String> RATINGS = List.of("A", "B", "M", "C", "D");

    public Profile {
        licences = List.copyOf(licences);
    }

    /** Whole years since establishment. */
    public int age(LocalDate today) {
        return Math.max(0, Period.between(established, today).getYears());
    }
}
