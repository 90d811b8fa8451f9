package org.tongban.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongban.cases.internal.DecisionDocument.Decision;
import org.tongban.cases.internal.DecisionDocument.Outcome;

/**
 * The decision document (决定书) as a PDF, read back with PDFBox's text stripper as a reader would: no Spring, no fonts
 * installed. Line breaks fall where the layout puts them, so the text is compared without white space.
 */
class DecisionDocumentTests {

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    static final String NUMBER = "440100-SCJG-005-20261127-0042";
    // 2026-11-26T18:30Z is already the 27th in Beijing.
    static final Instant DECIDED = Instant.parse("2026-11-26T18:30:00Z");
    static final Instant SUBMITTED = Instant.parse("2026-11-20T02:15:00Z");

    static Decision decision(Outcome outcome, String reasons) {
        var answers = new LinkedHashMap<String, String>();
        answers.put("企业名称", "广州市越秀区小明餐饮店");
        answers.put("经营场所", "广州市越秀区中山五路 1 号");
        answers.put("经营项目", "热食类食品制售");
        return new Decision(
                NUMBER,
                "食品经营许可",
                "广州市市场监督管理局",
                "王小明",
                "4401**********1234",
                outcome,
                reasons,
                DECIDED,
                SUBMITTED,
                answers);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void eachOutcomeRendersItsTitleNumberReasonsAndChineseDate(Outcome outcome) throws IOException {
        var pdf = DecisionDocument.render(decision(outcome, "申请材料齐全，符合法定形式。"), ZONE);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.length).isLessThan(200 * 1024);
        var text = text(pdf);
        assertThat(text)
                .contains(outcome.title())
                .contains(NUMBER)
                .contains("广州市市场监督管理局〔2026〕" + NUMBER + "号")
                .contains("申请材料齐全，符合法定形式。")
                .contains("二〇二六年十一月二十七日")
                .contains("食品经营许可")
                .contains("王小明")
                .contains("4401**********1234")
                .contains("热食类食品制售")
                .contains("2026年11月20日10:15");
    }

    @Test
    void theTitlesFollowTheOutcome() throws IOException {
        assertThat(text(DecisionDocument.render(decision(Outcome.APPROVED, "同意。"), ZONE)))
                .contains("准予行政许可决定书")
                .doesNotContain("行政复议");
        assertThat(text(DecisionDocument.render(decision(Outcome.DENIED, "经营场所与住宅相连。"), ZONE)))
                .contains("不予行政许可决定书")
                .contains("行政复议")
                .contains("经营场所与住宅相连。");
        assertThat(text(DecisionDocument.render(decision(Outcome.NOT_ACCEPTED, "不属于本机关职权范围。"), ZONE)))
                .contains("不予受理通知书")
                .contains("不属于本机关职权范围。");
    }

    @Test
    void metadataNamesTheDocumentTheDepartmentAndTongban() throws IOException {
        try (var pdf = Loader.loadPDF(DecisionDocument.render(decision(Outcome.APPROVED, "同意。"), ZONE))) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("准予行政许可决定书 " + NUMBER);
            assertThat(info.getAuthor()).isEqualTo("广州市市场监督管理局");
            assertThat(info.getCreator()).isEqualTo("Tongban");
        }
    }

    @Test
    void theFontIsNamedNotEmbedded() {
        var pdf = new String(
                DecisionDocument.render(decision(Outcome.APPROVED, "同意。"), ZONE), StandardCharsets.ISO_8859_1);
        assertThat(pdf).contains("/STSong-Light").doesNotContain("/FontFile");
    }

    @Test
    void datesAreWrittenInChinese() {
        var zone = ZONE;
        assertThat(DecisionDocument.chineseDate(ZonedDateTime.of(2026, 1, 1, 9, 0, 0, 0, zone)))
                .isEqualTo("二〇二六年一月一日");
        assertThat(DecisionDocument.chineseDate(ZonedDateTime.of(2030, 10, 10, 9, 0, 0, 0, zone)))
                .isEqualTo("二〇三〇年十月十日");
        assertThat(DecisionDocument.chineseDate(ZonedDateTime.of(2026, 12, 31, 9, 0, 0, 0, zone)))
                .isEqualTo("二〇二六年十二月三十一日");
        assertThat(DecisionDocument.chineseDate(ZonedDateTime.of(2026, 11, 20, 9, 0, 0, 0, zone)))
                .isEqualTo("二〇二六年十一月二十日");
    }

    /**
     * Issue 11, finding 8: the decision promised "本文书可在通办平台凭办件编号核验真伪" although nothing verifies a
     * decision by its case number (the document is not signed and {@code /verify} takes license tokens only). It now
     * says where the applicant finds the decision, and promises no verification.
     */
    @ParameterizedTest
    @EnumSource(Outcome.class)
    void theDecisionPromisesNoVerificationThePlatformDoesNotOffer(Outcome outcome) throws IOException {
        var text = text(DecisionDocument.render(decision(outcome, "同意。"), ZONE));

        assertThat(text).doesNotContain("核验").doesNotContain("验证").doesNotContain("真伪");
        assertThat(text).contains("办件编号：" + NUMBER).contains("我的办件");
    }

    @Test
    void noReasonsPrintsNone() throws IOException {
        assertThat(text(DecisionDocument.render(decision(Outcome.APPROVED, null), ZONE)))
                .contains("无。");
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
