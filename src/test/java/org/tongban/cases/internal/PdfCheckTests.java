package org.tongban.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.junit.jupiter.api.Test;
import org.tongban.cases.Applications;

/** Uploaded PDFs carry pages only: no scripts, no actions that run by themselves, no files inside or after them. */
class PdfCheckTests {

    @Test
    void aPlainPdfIsAccepted() throws IOException {
        assertThat(PdfCheck.refusal(save(plain()))).isEmpty();
        assertThat(PdfCheck.refusal(Applications.PDF)).isEmpty();
    }

    @Test
    void aPdfThatRunsJavaScriptOnOpeningIsRefused() throws IOException {
        var doc = plain();
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
        assertThat(PdfCheck.refusal(save(doc))).contains("cases.error.pdfActive");
    }

    @Test
    void aPdfThatLaunchesAProgramIsRefused() throws IOException {
        var doc = plain();
        var launch = new PDActionLaunch();
        launch.setFile(new PDComplexFileSpecification());
        doc.getPage(0).getCOSObject().setItem("AA", launch.getCOSObject());
        assertThat(PdfCheck.refusal(save(doc))).contains("cases.error.pdfActive");
    }

    @Test
    void aPdfWithAnEmbeddedFileIsRefused() throws IOException {
        var doc = plain();
        var spec = new PDComplexFileSpecification();
        spec.setFile("payload.exe");
        spec.setEmbeddedFile(
                new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII))));
        var tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(java.util.Map.of("payload.exe", spec));
        var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        assertThat(PdfCheck.refusal(save(doc))).contains("cases.error.pdfActive");
    }

    @Test
    void aNameSpeltWithEscapesIsFoundAsWell() {
        var pdf =
                ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/Op#65nAction<</S/J#61vaScript/J#53(app.alert(1))>>>>endobj\n"
                                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                        .getBytes(StandardCharsets.US_ASCII);
        assertThat(PdfCheck.refusal(pdf)).contains("cases.error.pdfActive");
    }

    @Test
    void aPdfWithAnArchiveAfterItsEndIsRefused() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes(save(plain()));
        out.writeBytes(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        assertThat(PdfCheck.refusal(out.toByteArray())).contains("cases.error.pdfTrailingData");
    }

    @Test
    void aDocumentThatCannotBeParsedIsRefused() {
        assertThat(PdfCheck.refusal("%PDF-1.7\ngarbage\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                .contains("cases.error.pdfUnreadable");
    }

    private static PDDocument plain() {
        var doc = new PDDocument();
        doc.addPage(new PDPage());
        return doc;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        try (doc) {
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
