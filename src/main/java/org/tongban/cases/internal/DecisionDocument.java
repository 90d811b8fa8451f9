package org.tongban.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The written decision on a case (决定书) as a PDF, laid out as a Chinese administrative decision: the title for the
 * outcome, the document number, the applicant, the body (what was applied for and when, the decision and its
 * reasons, the right of appeal where the decision goes against the applicant), the issuing department with the date
 * written in Chinese, and a line naming the case number and where the applicant finds the decision online. The
 * document is not signed, so it promises no verification by case number: the public {@code /verify} page checks
 * license show tokens only (issue 11, finding 8).
 *
 * <p>The text is set in STSong-Light with the UniGB-UCS2-H encoding: one of the standard CJK fonts that every
 * conforming PDF reader supplies, so the font is named, not embedded. The document renders on a server without any
 * Chinese font installed and stays a few kilobytes; embedding a full CJK font would add megabytes to each file.
 * (OpenPDF carries the Adobe CMaps that map Unicode to the font's character ids.)
 */
public final class DecisionDocument {

    /** How the case ended: the three written decisions a department issues. */
    public enum Outcome {
        APPROVED("准予行政许可决定书"),
        DENIED("不予行政许可决定书"),
        NOT_ACCEPTED("不予受理通知书");

        private final String title;

        Outcome(String title) {
            this.title = title;
        }

        /** The document's title in Chinese. */
        public String title() {
            return title;
        }
    }

    /**
     * What the document says.
     *
     * @param applicantIdMasked the applicant's ID number already masked: the full number never goes on paper
     * @param reasons the deciding official's opinion, the reasons of the decision
     * @param formAnswers the application's answers, label to value, in the order to print
     */
    public record Decision(
            String caseNumber,
            String itemNameZh,
            String departmentNameZh,
            String applicantName,
            String applicantIdMasked,
            Outcome outcome,
            @Nullable String reasons,
            Instant decidedAt,
            Instant submittedAt,
            Map<String, String> formAnswers) {

        public Decision {
            Objects.requireNonNull(caseNumber);
            Objects.requireNonNull(outcome);
            formAnswers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formAnswers));
        }
    }

    /** Decisions are dated in China Standard Time, wherever the server runs. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private DecisionDocument() {}

    /** Renders the decision; the same decision gives the same text (the PDF's ids and dates differ). */
    public static byte[] render(Decision d, ZoneId zone) {
        var out = new ByteArrayOutputStream(8 * 1024);
        // GB/T 9704 (党政机关公文格式): A4 with margins of about 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
        var document = new Document(PageSize.A4, mm(28), mm(26), mm(37), mm(35));
        try {
            var writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            var song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            var title = new Font(song, 22, Font.BOLD);
            var body = new Font(song, 14);
            var small = new Font(song, 10.5f);

            document.addTitle(d.outcome().title() + " " + d.caseNumber());
            document.addAuthor(d.departmentNameZh());
            document.addSubject(d.itemNameZh());
            document.addCreator("Tongban");
            document.addCreationDate();
            document.open();

            var decided = d.decidedAt().atZone(zone);
            document.add(centered(d.outcome().title(), title, 12));
            document.add(
                    centered(d.departmentNameZh() + "〔" + decided.getYear() + "〕" + d.caseNumber() + "号", body, 18));

            document.add(line(d.applicantName() + "（身份证件号码：" + d.applicantIdMasked() + "）：", body, 0));
            document.add(indented(opening(d, zone), body));
            document.add(labelled("申请事项：", d.itemNameZh(), body));
            document.add(labelled("申请时间：", DATE_TIME.format(d.submittedAt().atZone(zone)), body));
            if (!d.formAnswers().isEmpty()) {
                document.add(line("申请内容：", body, 4));
                document.add(answers(d.formAnswers(), small));
            }
            document.add(labelled("决定：", decision(d.outcome()), body));
            var reasons = d.reasons() == null || d.reasons().isBlank()
                    ? "无。"
                    : d.reasons().strip();
            document.add(labelled(d.outcome() == Outcome.APPROVED ? "审查意见：" : "理由：", reasons, body));
            if (d.outcome() != Outcome.APPROVED) {
                document.add(indented("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，" + "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。", body));
            }

            var issuer = new Paragraph(d.departmentNameZh(), body);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setSpacingBefore(36);
            document.add(issuer);
            var date = new Paragraph(chineseDate(decided), body);
            date.setAlignment(Element.ALIGN_RIGHT);
            document.add(date);

            var verify = new Paragraph("办件编号：" + d.caseNumber() + "。申请人可登录通办平台，在“我的办件”中查看本决定。", small);
            verify.setSpacingBefore(30);
            document.add(verify);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A date as written on official documents: 二〇二六年十一月二十七日. */
    static String chineseDate(ZonedDateTime at) {
        var year = new StringBuilder();
        for (char c : Integer.toString(at.getYear()).toCharArray()) year.append(DIGITS[c - '0']);
        return year + "年" + chineseNumber(at.getMonthValue()) + "月" + chineseNumber(at.getDayOfMonth()) + "日";
    }

    /** 1 to 31 in Chinese numerals: 十, 十一, 二十, 二十七, 三十一. */
    static String chineseNumber(int n) {
        if (n < 1 || n > 99) throw new IllegalArgumentException("out of range: " + n);
        if (n < 10) return DIGITS[n];
        var tens = n / 10;
        var units = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (units == 0 ? "" : DIGITS[units]);
    }

    private static String opening(Decision d, ZoneId zone) {
        var submitted = DATE.format(d.submittedAt().atZone(zone));
        return switch (d.outcome()) {
            case APPROVED, DENIED -> "你于" + submitted + "提出的" + d.itemNameZh() + "申请，本机关已依法受理。经审查，现作出如下决定。";
            case NOT_ACCEPTED -> "你于" + submitted + "提出的" + d.itemNameZh() + "申请，经审查，本机关决定不予受理。";
        };
    }

    private static String decision(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "申请符合法定条件、标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。";
            case DENIED -> "申请不符合法定条件、标准，根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。";
            case NOT_ACCEPTED -> "根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。";
        };
    }

    private static PdfPTable answers(Map<String, String> answers, Font font) {
        var table = new PdfPTable(new float[] {1, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        answers.forEach((label, value) -> {
            table.addCell(cell(label, font));
            table.addCell(cell(value, font));
        });
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    private static Paragraph centered(String text, Font font, float after) {
        var p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static Paragraph line(String text, Font font, float after) {
        var p = new Paragraph(text, font);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.75f);
        return p;
    }

    /** A body paragraph: first line indented by two characters, as Chinese documents are set. */
    private static Paragraph indented(String text, Font font) {
        var p = line(text, font, 4);
        p.setFirstLineIndent(font.getSize() * 2);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    private static Paragraph labelled(String label, String text, Font font) {
        var p = new Paragraph();
        p.setLeading(font.getSize() * 1.75f);
        p.setFirstLineIndent(font.getSize() * 2);
        p.setSpacingAfter(4);
        p.add(new Chunk(label, new Font(font.getBaseFont(), font.getSize(), Font.BOLD)));
        p.add(new Chunk(text, font));
        return p;
    }

    private static float mm(float millimetres) {
        return millimetres / 25.4f * 72;
    }
}
