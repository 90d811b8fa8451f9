package org.tongban.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tongban.documents.internal.DocumentPdf;
import org.tongban.documents.internal.Draft;

/** The GB/T 9704 layout without the platform: A4, the elements in their places, the page written out to look at. */
class DocumentPdfTests {

    @Test
    void rendersAnA4DocumentWithItsElementsAndWritesAPngToLookAt() throws Exception {
        var draft = new Draft(
                DocumentType.NOTICE,
                "12",
                Draft.Classification.SECRET,
                "1年",
                Draft.Urgency.EXTRA_URGENT,
                "广州市市场监督管理局文件",
                "关于开展2027年元旦春节期间食品安全专项检查的通知",
                List.of("440100-WJ"),
                "为切实保障元旦春节期间全市食品安全，经研究，决定在全市范围内开展食品安全专项检查。现将有关事项通知如下。\n"
                        + "一、检查时间。2026年12月15日至2027年2月28日。\n二、检查重点。节日食品生产经营单位、大型商超和农贸市场。",
                "检查分工表",
                "广州市市场监督管理局",
                LocalDate.of(2026, 12, 2),
                Draft.SealKind.SEALED,
                "此件公开发布",
                null,
                List.of("440100-GA", "440100-RS"),
                "广州市市场监督管理局办公室",
                List.of());
        var pdf = DocumentPdf.render(new DocumentPdf.Content(
                draft,
                "广州市市场监督管理局",
                "穗市监〔2026〕12号",
                null,
                List.of("广州市卫生健康委员会"),
                List.of("广州市公安局", "广州市人力资源和社会保障局"),
                LocalDate.of(2026, 12, 2),
                true));
        try (var doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(box.getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            var text = new PDFTextStripper().getText(doc).replace(" ", "");
            assertThat(text)
                    .contains("000012")
                    .contains("秘密★1年")
                    .contains("特急")
                    .contains("广州市市场监督管理局文件")
                    .contains("穗市监〔2026〕12号")
                    .contains("广州市卫生健康委员会：")
                    .contains("附件：检查分工表")
                    .contains("2026年12月2日")
                    .contains("抄送：广州市公安局，广州市人力资源和社会保障局。")
                    .contains("2026年12月2日印发");
        }
        DocumentFlowTests.writeAndRender(pdf, new byte[0], new byte[0], "document-layout");
    }
}
