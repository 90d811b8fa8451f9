package org.tongban.healthcode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The health code of a person, computed by the person's ID number (the population register's person id) from the
 * health department's records read through the exchange: the seam through which a relative's code (亲友代办) can be
 * shown later, by the relative's ID number, once identity says the reader may act for them.
 */
public interface HealthCodes {

    /**
     * The person's code now.
     *
     * @param idNumber the person's ID number
     * @param reader the account that asks (the person themself, or an official at the window), for the call log's
     *     purpose
     * @param purpose why, in words the person sees on {@code /citizen/data}
     */
    Code codeOf(String idNumber, UUID reader, String purpose);

    /** A reason in words: a message key of the healthcode bundle and its arguments (dates, places). */
    record Reason(String key, List<String> args) {}

    /** A computed code: the colour, why, and when it was computed. */
    record Code(
            HealthStatus status,
            List<Reason> reasons,
            Instant computedAt,
            int vaccineDoses,
            @org.jspecify.annotations.Nullable LatestTest latestTest) {}

    /** The latest test: its day (China's), kind ({@code PCR} or {@code ANTIGEN}) and result. */
    record LatestTest(java.time.LocalDate on, String kind, boolean positive) {}
}
