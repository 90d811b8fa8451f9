package org.tongban.licenses.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a batch import (批量导入) did: how many rows, how many licenses were issued, and each refused row with its
 * reasons (message keys by column). Rows are numbered as in the file, the header being row 1.
 */
public record BatchReport(
        UUID batchId,
        String type,
        int rows,
        int issued,
        List<RefusedRow> refused,
        @Nullable String firstIdentifier,
        @Nullable String lastIdentifier) {

    public BatchReport {
        refused = List.copyOf(refused);
    }

    public record RefusedRow(int row, Map<String, String> errors) {
        public RefusedRow {
            errors = Map.copyOf(errors);
        }
    }
}
