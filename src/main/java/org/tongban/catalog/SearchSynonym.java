package org.tongban.catalog;

import java.time.Instant;
import java.util.List;

/** A word people type and what the catalogue calls it (社保 → 社会保障, 社会保险), as the search reads it (ADR 0025). */
public record SearchSynonym(String term, List<String> expansions, Instant changedAt) {}
