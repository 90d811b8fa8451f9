package org.tongban.cases.internal;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/**
 * Refuses PDFs that carry more than pages: active content (JavaScript, launch, import, submit and remote actions,
 * actions on open or on events, XFA forms, rich media), embedded files, and data after the final {@code %%EOF},
 * where a second file (an archive, a script) hides in a polyglot. The document is parsed (PDFBox, ADR 0013), so a
 * name spelt with escapes ({@code /J#61vaScript}) or hidden in a compressed object stream is found as well; a
 * document that cannot be parsed is refused, since a reader would have to guess at it too.
 */
final class PdfCheck {

    private static final Set<String> ACTIVE_KEYS =
            Set.of("JS", "JavaScript", "AA", "Launch", "EmbeddedFiles", "EmbeddedFile", "EF", "RichMedia", "XFA");
    private static final Set<String> ACTIVE_ACTIONS = Set.of(
            "JavaScript",
            "Launch",
            "ImportData",
            "SubmitForm",
            "GoToR",
            "GoToE",
            "Rendition",
            "RichMediaExecute",
            "Sound",
            "Movie");
    /** Far more than any real document nests; a deeper one is refused rather than followed. */
    private static final int MAX_DEPTH = 64;

    private PdfCheck() {}

    /** The reason (a message key) to refuse this PDF, or empty when it holds only pages. */
    static Optional<String> refusal(byte[] pdf) {
        if (dataAfterEnd(pdf)) return Optional.of("cases.error.pdfTrailingData");
        try (var document = Loader.loadPDF(pdf)) {
            var cos = document.getDocument();
            var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<COSBase, Boolean>());
            if (active(cos.getTrailer(), seen, 0)) return Optional.of("cases.error.pdfActive");
            for (var key : cos.getXrefTable().keySet()) {
                var object = cos.getObjectFromPool(key);
                if (object != null && active(object.getObject(), seen, 0)) return Optional.of("cases.error.pdfActive");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cases.error.pdfUnreadable");
        }
    }

    /** Anything but white space after the last {@code %%EOF}, or no {@code %%EOF} at all. */
    static boolean dataAfterEnd(byte[] b) {
        for (int i = b.length - 5; i >= 0; i--) {
            if (b[i] == '%' && b[i + 1] == '%' && b[i + 2] == 'E' && b[i + 3] == 'O' && b[i + 4] == 'F') {
                for (int j = i + 5; j < b.length; j++) {
                    if (" \r\n\t\f\0".indexOf(b[j]) < 0) return true;
                }
                return false;
            }
        }
        return true;
    }

    private static boolean active(COSBase base, Set<COSBase> seen, int depth) {
        if (base instanceof COSObject ref) {
            // References are visited through the cross-reference table; following them here would loop.
            return false;
        }
        if (depth > MAX_DEPTH) return true;
        if (!seen.add(base)) return false;
        if (base instanceof COSDictionary dict) {
            for (var entry : dict.entrySet()) {
                var name = entry.getKey().getName();
                if (ACTIVE_KEYS.contains(name)) return true;
                // An action on opening; a destination (an array) only chooses the first view.
                if (name.equals("OpenAction")
                        && dict.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary) {
                    return true;
                }
                if (name.equals("S")
                        && entry.getValue() instanceof COSName action
                        && ACTIVE_ACTIONS.contains(action.getName())) {
                    return true;
                }
                if (name.equals("Type")
                        && entry.getValue() instanceof COSName type
                        && type.getName().equals("EmbeddedFile")) {
                    return true;
                }
                if (active(entry.getValue(), seen, depth + 1)) return true;
            }
        } else if (base instanceof COSArray array) {
            for (var item : array) {
                if (active(item, seen, depth + 1)) return true;
            }
        }
        return false;
    }
}
