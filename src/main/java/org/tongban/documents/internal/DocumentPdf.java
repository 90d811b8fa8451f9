package org.tongban.documents.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders an outgoing document as GB/T 9704-2012 lays it out (ADR 0029, DOMAIN.md 10.4): A4 with the 版心 of
 * 156 × 225 mm (margins 37 mm top, 35 mm bottom, 28 mm binding side, 26 mm outer side); the body in 3号 (16 pt) at
 * 22 lines of 28 characters; the 版头 with 份号, 密级, 紧急程度, the red 发文机关标志, the 发文字号 (with 签发人 for 请示 and
 * 报告) and the red separator line; the 主体 with title, 主送机关, body, 附件说明, 发文机关署名 and 成文日期 under the
 * red round seal; 附注; the 版记 at the foot of the last page; the page numbers "— 1 —".
 *
 * <p>The font is Noto Serif CJK SC (Debian package {@code fonts-noto-cjk}), embedded as a subset, standing in for
 * the 仿宋 and 小标宋 of the standard, which are not free. Where the file is missing the PDF names STSong-Light,
 * one of the standard CJK fonts readers supply, as the cases module's decisions do.
 */
public final class DocumentPdf {

    /** Where Debian's fonts-noto-cjk installs the serif faces; the ",2" is the Simplified Chinese face of the TTC. */
    static final String REGULAR = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    static final String BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";
    static final Color RED = new Color(0xE6, 0x00, 0x12);

    /** 3号: 16 pt; 225 mm over 22 lines. */
    private static final float SIZE = 16f;

    private static final float LEADING = mm(225) / 22f;
    /** 28 characters over 156 mm: the character spacing that adds to the 16 pt of each. */
    private static final float CHAR_SPACING = (mm(156) - 28 * SIZE) / 28f;

    /** What the page shows: the document's elements and the names of the departments it names. */
    public record Content(
            Draft draft,
            String issuerName,
            @Nullable String number,
            @Nullable String signerName,
            List<String> mainRecipientNames,
            List<String> ccRecipientNames,
            @Nullable LocalDate printedOn,
            boolean sealed) {}

    private DocumentPdf() {}

    public static byte[] render(Content c) {
        var out = new ByteArrayOutputStream(64 * 1024);
        var document = new Document(PageSize.A4, mm(28), mm(26), mm(37), mm(35));
        try {
            var writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            var regular = font(REGULAR);
            var bold = font(BOLD);
            var body = new Font(regular, SIZE);
            var d = c.draft();
            writer.setPageEvent(new PageNumbers(regular));
            document.addTitle(d.title());
            document.addAuthor(c.issuerName());
            document.addSubject(c.number() == null ? d.type().nameZh() : c.number());
            document.addCreator("Tongban");
            document.open();

            // 版头.
            if (d.copyNumber() != null)
                document.add(line(String.format("%06d", Integer.parseInt(d.copyNumber())), body));
            if (d.classification() != null)
                document.add(line(
                        d.classification().zh() + (d.secrecyPeriod() == null ? "" : "★" + d.secrecyPeriod()),
                        new Font(bold, SIZE)));
            if (d.urgency() != null) document.add(line(d.urgency().zh(), new Font(bold, SIZE)));
            var mark = new Paragraph(d.issuerMark(), new Font(bold, markSize(d.issuerMark()), Font.NORMAL, RED));
            mark.setAlignment(Element.ALIGN_CENTER);
            mark.setLeading(markSize(d.issuerMark()) * 1.3f);
            mark.setSpacingBefore(mm(10));
            mark.setSpacingAfter(LEADING * 1.2f);
            document.add(mark);
            var number = c.number() == null ? "（待编号）" : c.number();
            if (d.type().showsSigner()) {
                var p = new Paragraph(LEADING, "", body);
                p.add(new Chunk(number, body));
                p.add(new Chunk(new org.openpdf.text.pdf.draw.VerticalPositionMark()));
                p.add(new Chunk("签发人：", body));
                p.add(new Chunk(c.signerName() == null ? "" : c.signerName(), new Font(bold, SIZE)));
                p.setIndentationLeft(SIZE);
                p.setIndentationRight(SIZE);
                document.add(p);
            } else {
                var p = new Paragraph(LEADING, number, body);
                p.setAlignment(Element.ALIGN_CENTER);
                document.add(p);
            }
            // The red separator 4 mm below the number, across the text block.
            float y = writer.getVerticalPosition(true) - mm(4);
            var cb = writer.getDirectContent();
            cb.saveState();
            cb.setColorStroke(RED);
            cb.setLineWidth(mm(0.8f));
            cb.moveTo(document.left(), y);
            cb.lineTo(document.right(), y);
            cb.stroke();
            cb.restoreState();

            // 主体.
            var title = new Paragraph(LEADING * 1.3f, d.title(), new Font(bold, 22f));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(LEADING * 1.6f);
            title.setSpacingAfter(LEADING * 0.8f);
            document.add(title);
            if (!c.mainRecipientNames().isEmpty())
                document.add(line(String.join("，", c.mainRecipientNames()) + "：", body));
            for (var paragraph : d.body().split("\\R+")) {
                if (paragraph.isBlank()) continue;
                var p = new Paragraph(LEADING, spaced(paragraph.strip(), body));
                p.setFirstLineIndent(2 * (SIZE + CHAR_SPACING));
                p.setAlignment(Element.ALIGN_JUSTIFIED);
                document.add(p);
            }
            if (d.attachmentNote() != null) {
                var p = new Paragraph(LEADING, spaced("附件：" + d.attachmentNote(), body));
                p.setFirstLineIndent(2 * (SIZE + CHAR_SPACING));
                p.setSpacingBefore(LEADING);
                document.add(p);
            }
            // 发文机关署名 and 成文日期: right, 4 characters in from the right edge (sealed), the seal over both.
            var date = writtenDate(d.writtenOn() == null ? LocalDate.of(2000, 1, 1) : d.writtenOn());
            float rightIndent = 4 * SIZE;
            var signature = new Paragraph(LEADING, d.issuerSignature(), body);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setIndentationRight(rightIndent);
            signature.setSpacingBefore(LEADING * 2);
            if (writer.getVerticalPosition(true) - LEADING * 5 < document.bottom()) document.newPage();
            document.add(signature);
            var dated = new Paragraph(LEADING, date, body);
            dated.setAlignment(Element.ALIGN_RIGHT);
            dated.setIndentationRight(rightIndent);
            document.add(dated);
            float dateBottom = writer.getVerticalPosition(true);
            if (c.sealed() && d.sealKind() == Draft.SealKind.SEALED) {
                float width = regular.getWidthPoint(date, SIZE);
                float cx = document.right() - rightIndent - width / 2;
                float cy = dateBottom + LEADING * 1.8f;
                seal(cb, regular, c.issuerName(), cx, cy);
            }
            if (d.notes() != null) {
                var p = new Paragraph(LEADING, "（" + d.notes() + "）", body);
                p.setFirstLineIndent(2 * (SIZE + CHAR_SPACING));
                p.setSpacingBefore(LEADING);
                document.add(p);
            }
            if (d.attachments() != null) {
                document.newPage();
                document.add(line("附件", new Font(bold, SIZE)));
                for (var paragraph : d.attachments().split("\\R+")) {
                    var p = new Paragraph(LEADING, spaced(paragraph.strip(), body));
                    p.setFirstLineIndent(2 * (SIZE + CHAR_SPACING));
                    document.add(p);
                }
            }
            imprint(document, writer, regular, c);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 版记 at the foot of the last page: 抄送 and 印发机关/印发日期 between separators (4 号, 14 pt). */
    private static void imprint(Document document, PdfWriter writer, BaseFont regular, Content c) {
        var small = new Font(regular, 14f);
        float rows = c.ccRecipientNames().isEmpty() ? 1 : 2;
        float needed = rows * LEADING + mm(4);
        if (writer.getVerticalPosition(true) - needed < document.bottom()) document.newPage();
        var cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        float y = document.bottom();
        cb.saveState();
        cb.setLineWidth(0.7f);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        float printY = y + LEADING * 0.35f;
        ColumnText.showTextAligned(
                cb, Element.ALIGN_LEFT, new Phrase(c.draft().printedBy(), small), left + 14f, printY, 0);
        var printed = c.printedOn() == null
                ? ""
                : c.printedOn().getYear() + "年" + c.printedOn().getMonthValue() + "月"
                        + c.printedOn().getDayOfMonth() + "日印发";
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(printed, small), right - 14f, printY, 0);
        float top = y + LEADING;
        if (!c.ccRecipientNames().isEmpty()) {
            cb.setLineWidth(0.35f);
            cb.moveTo(left, top);
            cb.lineTo(right, top);
            cb.stroke();
            var cc = new ColumnText(cb);
            cc.setSimpleColumn(left + 14f, top, right - 14f, top + LEADING);
            cc.addText(new Phrase("抄送：" + String.join("，", c.ccRecipientNames()) + "。", small));
            cc.setLeading(LEADING * 0.6f);
            try {
                cc.go();
            } catch (org.openpdf.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
            top += LEADING;
        }
        cb.setLineWidth(0.7f);
        cb.moveTo(left, top);
        cb.lineTo(right, top);
        cb.stroke();
        cb.restoreState();
    }

    /**
     * The department's round seal in red, 42 mm across: a ring, the name along the upper arc and the five-pointed
     * star in the middle, drawn half transparent so the 署名 and date show through it as they do on paper.
     */
    static void seal(PdfContentByte cb, BaseFont font, String name, float cx, float cy) {
        float r = mm(21);
        cb.saveState();
        var state = new PdfGState();
        state.setFillOpacity(0.75f);
        state.setStrokeOpacity(0.85f);
        cb.setGState(state);
        cb.setColorStroke(RED);
        cb.setColorFill(RED);
        cb.setLineWidth(mm(1.2f));
        cb.circle(cx, cy, r - mm(0.6f));
        cb.stroke();
        // The star.
        float outer = mm(7);
        float inner = outer * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? outer : inner;
            float x = cx + (float) (rr * Math.cos(angle));
            float yy = cy + (float) (rr * Math.sin(angle));
            if (i == 0) cb.moveTo(x, yy);
            else cb.lineTo(x, yy);
        }
        cb.closePath();
        cb.fill();
        // The name on the arc from about 210° to -30°, each character upright to the centre.
        int n = name.length();
        float size = n > 12 ? 11f : 13f;
        double span = Math.toRadians(Math.min(240, 18.0 * n + 20));
        double start = Math.PI / 2 + span / 2;
        float textRadius = r - mm(2.2f) - size;
        cb.beginText();
        cb.setFontAndSize(font, size);
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? Math.PI / 2 : start - span * i / (n - 1);
            float x = cx + (float) (textRadius * Math.cos(a));
            float yy = cy + (float) (textRadius * Math.sin(a));
            cb.showTextAligned(Element.ALIGN_CENTER, String.valueOf(name.charAt(i)), x, yy, (float)
                    Math.toDegrees(a - Math.PI / 2));
        }
        cb.endText();
        cb.restoreState();
    }

    /** "— 1 —" under the text block, 4号 digits (GB/T 9704 7.5). */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;

        PageNumbers(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var page = writer.getPageNumber();
            var align = page % 2 == 1 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
            float x = page % 2 == 1 ? document.right() - 14f : document.left() + 14f;
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    align,
                    new Phrase("— " + page + " —", new Font(font, 14f)),
                    x,
                    document.bottom() - mm(10),
                    0);
        }
    }

    private static Paragraph line(String text, Font font) {
        return new Paragraph(LEADING, text, font);
    }

    /** A run of text with the character spacing that makes 28 characters fill a line. */
    private static Chunk spaced(String text, Font font) {
        var chunk = new Chunk(text, font);
        chunk.setCharacterSpacing(CHAR_SPACING);
        return chunk;
    }

    private static float markSize(String mark) {
        // 发文机关标志 fits one line: at most 15 mm high, narrower for long names.
        return Math.min(mm(15) * 0.95f, mm(150) / Math.max(1, mark.length()));
    }

    private static BaseFont font(String file) throws IOException {
        if (Files.isReadable(Path.of(file))) return BaseFont.createFont(file + ",2", BaseFont.IDENTITY_H, true);
        return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
    }

    /**
     * 成文日期 as GB/T 9704-2012 7.3.5.1 writes it: Arabic numerals, the year in full, month and day without leading
     * zeros ({@code 2026年12月2日}).
     */
    static String writtenDate(LocalDate at) {
        return at.getYear() + "年" + at.getMonthValue() + "月" + at.getDayOfMonth() + "日";
    }

    private static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }
}
