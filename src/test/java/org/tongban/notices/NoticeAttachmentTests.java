package org.tongban.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tongban.notices.internal.Attachments;

/**
 * Attachments: typed by their content (PDF, JPEG, PNG, DOCX; any other ZIP, an executable, a name whose extension
 * says otherwise, an empty or oversized file refused on the field, nothing written); read by the sender and the
 * recipients or invitees only, anyone else told not found (audited).
 */
class NoticeAttachmentTests extends NoticeTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static byte[] zip(String... entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aPdfSentWithANoticeIsReadByARecipientAndNotByAnyoneElse() {
        var title = unique("附件通知");
        var web = signedIn("deptadmin");
        web.get("/office/notices/new");
        var sent = web.multipart(
                "/office/notices",
                Map.of("title", title, "body", "见附件。", "departments", TAX),
                "files",
                "自查表.pdf",
                "application/pdf",
                PDF);
        assertThat(sent.status()).isEqualTo(302);
        var id = UUID.fromString(sent.location().substring(sent.location().lastIndexOf('/') + 1));
        var files = notices.attachments(id);
        assertThat(files).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("application/pdf"));
        var href = "/office/notices/" + id + "/attachments/" + files.getFirst().id();
        var got = signedIn("taxofficial").get(href);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).startsWith("%PDF-");
        assertThat(signedIn("hrofficial").get(href).status()).isEqualTo(404);
        assertThat(signedIn("hrofficial")
                        .get("/api/v1/office/notices/" + id + "/attachments/"
                                + files.getFirst().id())
                        .status())
                .isEqualTo(404);
        assertThat(web.get(href).status()).isEqualTo(200);
        assertThat(audited("NOTICE_REFUSED", id)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void typesAreReadFromTheContentAndBadFilesAreFieldErrors() throws IOException {
        var docx = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        var errors = new java.util.LinkedHashMap<String, String>();
        assertThat(Attachments.check(List.of(new Attachments.Upload("议程.docx", docx)), errors))
                .hasSize(1);
        assertThat(errors).isEmpty();
        for (var bad : List.of(
                new Attachments.Upload("a.docx", zip("readme.txt")),
                new Attachments.Upload("a.pdf", new byte[] {'M', 'Z', 0, 0}),
                new Attachments.Upload("a.png", PDF),
                new Attachments.Upload("a.pdf", new byte[0]),
                new Attachments.Upload("a.pdf", new byte[Attachments.MAX_BYTES + 1]))) {
            var e = new java.util.LinkedHashMap<String, String>();
            Attachments.check(List.of(bad), e);
            assertThat(e).containsKey("files");
        }
        var title = unique("坏附件");
        assertThatThrownBy(() -> notices.send(
                        id("deptadmin"),
                        Map.of("title", title, "body", "b"),
                        List.of(TAX),
                        List.of(new Attachments.Upload("run.exe", new byte[] {'M', 'Z', 1, 2}))))
                .isInstanceOfSatisfying(
                        InvalidNoticeException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("files", "notices.error.file.type"));
        assertThat(jdbc.sql("select count(*) from notices.notice where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMeetingsAttachmentIsForItsInviteesAndOrganiserOnly() throws IOException {
        var id = meeting(unique("附件会议"), 30, List.of(id("official").toString()), List.of());
        meetings.attach(
                id("deptadmin"),
                id,
                List.of(new Attachments.Upload("议程.docx", zip("[Content_Types].xml", "word/document.xml"))));
        var file = meetings.attachments(id).getFirst();
        assertThat(meetings.attachment(id("official"), id, file.id()).name()).isEqualTo("议程.docx");
        assertThatThrownBy(() -> meetings.attachment(id("official2"), id, file.id()))
                .isInstanceOf(NoticeRefusedException.class);
        assertThatThrownBy(() -> meetings.attach(id("official"), id, List.of(new Attachments.Upload("a.pdf", PDF))))
                .isInstanceOf(NoticeRefusedException.class);
    }
}
