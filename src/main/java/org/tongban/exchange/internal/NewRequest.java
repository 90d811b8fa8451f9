package org.tongban.exchange.internal;

import java.util.List;

/** A department asks to read a resource: which fields, for what purpose, on what legal basis, from when to when. */
public record NewRequest(
        String resource, List<String> fields, String purpose, String legalBasis, String validFrom, String validUntil) {}
