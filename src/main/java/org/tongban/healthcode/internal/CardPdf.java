package org.tongban.healthcode.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.healthcode.HealthStatus;
import org.tongban.shared.QrCode;

/**
 * An offline card as a PDF to print: the colour in words and in colour, the masked name and ID number, the validity,
 * the issuing department, and the QR of the signed token that any verifier checks (online at {@code /verify}, offline
 * with the verifier jar); an expired card verifies as expired.
 */
@Component
class CardPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    CardPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(CardStore.Card card, String issuerName, String verifyUrl, Locale locale) {
        var out = new ByteArrayOutputStream(16 * 1024);
        var document = new Document(PageSize.A5, 36, 36, 40, 36);
        try {
            var writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            var song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            var title = new Font(song, 18, Font.BOLD);
            var colour = new Font(song, 22, Font.BOLD, rgb(card.status()));
            var body = new Font(song, 11);
            var small = new Font(song, 8);
            document.addTitle(text("healthcode.card.pdfTitle", locale) + " " + card.code());
            document.addAuthor(issuerName);
            document.addCreator("Tongban");
            document.open();
            var heading = new Paragraph(text("healthcode.card.pdfTitle", locale), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            var status = new Paragraph(text("healthcode.status." + card.status(), locale), colour);
            status.setAlignment(Element.ALIGN_CENTER);
            status.setSpacingAfter(8);
            document.add(status);
            float size = 210;
            var template = writer.getDirectContent().createTemplate(size, size);
            qr(template, card.token(), 0, 0, size);
            var image = org.openpdf.text.Image.getInstance(template);
            image.setAlignment(Element.ALIGN_CENTER);
            document.add(image);
            var zone = ZoneId.of("Asia/Shanghai");
            var table = new PdfPTable(new float[] {2, 5});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            row(table, text("healthcode.token.name", locale), card.subjectName(), body);
            row(table, text("healthcode.token.idNumber", locale), card.subjectMasked(), body);
            row(
                    table,
                    text("healthcode.card.validity", locale),
                    WHEN.format(card.issuedAt().atZone(zone)) + " – "
                            + WHEN.format(card.validUntil().atZone(zone)),
                    body);
            row(table, text("healthcode.card.issuer", locale), issuerName, body);
            row(table, text("healthcode.card.number", locale), card.code(), small);
            document.add(table);
            var note = new Paragraph(text("healthcode.card.pdfNote", locale, verifyUrl), small);
            note.setSpacingBefore(10);
            document.add(note);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Color rgb(HealthStatus status) {
        return switch (status) {
            case GREEN -> new Color(0x0a, 0x7d, 0x32);
            case YELLOW -> new Color(0x9a, 0x6b, 0x00);
            case RED -> new Color(0xb3, 0x1b, 0x1b);
        };
    }

    private String text(String key, Locale locale, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        var left = new PdfPCell(new Phrase(label, font));
        left.setBackgroundColor(new Color(0xf3, 0xf4, 0xf6));
        left.setPadding(5);
        table.addCell(left);
        var right = new PdfPCell(new Phrase(value, font));
        right.setPadding(5);
        table.addCell(right);
    }

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
}
