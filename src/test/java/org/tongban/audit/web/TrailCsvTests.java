package org.tongban.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trail's CSV cells: quoted as RFC 4180 says, and defused where a spreadsheet would run them as a formula. */
class TrailCsvTests {

    @Test
    void aCellThatASpreadsheetWouldRunIsDefused() {
        assertThat(TrailCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(TrailCsv.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(TrailCsv.cell("-1")).isEqualTo("\"'-1\"");
    }

    @Test
    void ordinaryCellsAreQuotedAsTheyAre() {
        assertThat(TrailCsv.cell("张三")).isEqualTo("\"张三\"");
        assertThat(TrailCsv.cell("a,b\nc")).isEqualTo("\"a,b\nc\"");
        assertThat(TrailCsv.cell("")).isEqualTo("\"\"");
    }
}
