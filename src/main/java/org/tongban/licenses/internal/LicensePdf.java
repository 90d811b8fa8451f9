package org.tongban.licenses.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.shared.QrCode;

/**
 * A license as a PDF for its holder: the face data in full, the identifier, the issuer, validity and status, the
 * signing key, and a QR code that points to the public status page. An authorised copy (用于…) carries "仅供…使用"
 * across every page, so that a copy handed over for one purpose cannot pass for another.
 */
@Component
public class LicensePdf {

    private final MessageSource messages;

    LicensePdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(LicenseView l, @Nullable String purpose, String statusUrl, Locale locale) {
        var out = new ByteArrayOutputStream(16 * 1024);
        var document = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            var writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            var song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            if (purpose != null)
                writer.setPageEvent(new Watermark(song, text("licenses.pdf.watermark", locale, purpose)));
            var title = new Font(song, 20, Font.BOLD);
            var body = new Font(song, 12);
            var small = new Font(song, 9);
            var en = locale.getLanguage().equals("en");
            var s = l.summary();

            document.addTitle((en ? l.type().nameEn() : l.type().nameZh()) + " " + s.identifier());
            document.addAuthor(en ? l.issuerNameEn() : l.issuerNameZh());
            document.addSubject(
                    purpose == null
                            ? text("licenses.pdf.copy", locale)
                            : text("licenses.pdf.watermark", locale, purpose));
            document.addCreator("Tongban");
            document.open();

            var heading = new Paragraph(en ? l.type().nameEn() : l.type().nameZh(), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(18);
            document.add(heading);

            var table = new PdfPTable(new float[] {2, 5});
            table.setWidthPercentage(100);
            row(table, text("licenses.field.holderName", locale), l.holderName(), body);
            row(table, text("licenses.field.holderId." + l.type().holderKind(), locale), l.holderId(), body);
            row(table, text("licenses.field.number", locale), l.number(), body);
            for (var f : l.type().fields()) {
                var value = l.data().get(f.name());
                if (value == null) continue;
                var option = f.option(value);
                row(table, en ? f.en() : f.zh(), option == null ? value : (en ? option.en() : option.zh()), body);
            }
            row(
                    table,
                    text("licenses.field.validity", locale),
                    s.validTo() == null
                            ? text("licenses.validity.from", locale, s.validFrom())
                            : text("licenses.validity.range", locale, s.validFrom(), s.validTo()),
                    body);
            row(table, text("licenses.field.issuer", locale), en ? l.issuerNameEn() : l.issuerNameZh(), body);
            row(table, text("licenses.field.issueDate", locale), s.issueDate().toString(), body);
            row(table, text("licenses.field.status", locale), text("licenses.status." + s.status(), locale), body);
            row(table, text("licenses.field.identifier", locale), s.identifier(), small);
            row(
                    table,
                    text("licenses.field.signature", locale),
                    l.keyId() + " · "
                            + (l.signatureValid()
                                    ? text("licenses.license.signatureValid", locale)
                                    : text("licenses.license.signatureInvalid", locale)),
                    small);
            document.add(table);

            qr(writer.getDirectContent(), statusUrl, document.right() - 110, document.bottom() + 20, 110);
            var note = new Paragraph(text("licenses.pdf.verify", locale, statusUrl), small);
            note.setSpacingBefore(24);
            document.add(note);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String text(String key, Locale locale, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        var left = new PdfPCell(new Phrase(label, font));
        left.setBackgroundColor(new Color(0xf3, 0xf4, 0xf6));
        left.setPadding(6);
        table.addCell(left);
        var right = new PdfPCell(new Phrase(value, font));
        right.setPadding(6);
        table.addCell(right);
    }

    /** Draws a QR code of {@code size} points with its lower left corner at (x, y). */
    private static void qr(PdfContentByte canvas, String text, float x, float y, float size) {
        var modules = QrCode.modules(text);
        float unit = size / modules.length;
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < modules.length; row++) {
            for (int col = 0; col < modules[row].length; col++) {
                if (modules[row][col]) canvas.rectangle(x + col * unit, y + size - (row + 1) * unit, unit, unit);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    /** "仅供…使用" across the page, light and diagonal, on every page. */
    private static final class Watermark extends PdfPageEventHelper {
        private final BaseFont font;
        private final String text;

        Watermark(BaseFont font, String text) {
            this.font = font;
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var canvas = writer.getDirectContentUnder();
            canvas.saveState();
            var state = new PdfGState();
            state.setFillOpacity(0.18f);
            canvas.setGState(state);
            canvas.setColorFill(new Color(0xa4, 0x16, 0x1a));
            canvas.beginText();
            canvas.setFontAndSize(font, 30);
            var page = document.getPageSize();
            for (float y = 120; y < page.getHeight(); y += 180) {
                canvas.showTextAligned(Element.ALIGN_CENTER, text, page.getWidth() / 2, y, 30);
            }
            canvas.endText();
            canvas.restoreState();
        }
    }
}
