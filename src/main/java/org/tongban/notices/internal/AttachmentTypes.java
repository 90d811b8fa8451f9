package org.tongban.notices.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;

/**
 * The type of an attachment, read from its content (magic numbers), never from its name: PDF, JPEG, PNG, or DOCX (a
 * ZIP holding {@code [Content_Types].xml} and {@code word/document.xml}; any other ZIP is refused).
 */
final class AttachmentTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf",
            Set.of("pdf"),
            "image/jpeg",
            Set.of("jpg", "jpeg"),
            "image/png",
            Set.of("png"),
            DOCX,
            Set.of("docx"));

    /** ZIP entries read at most while looking for a Word document's parts. */
    private static final int MAX_ENTRIES = 2000;

    private AttachmentTypes() {}

    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) return Optional.of("application/pdf");
        if (starts(b, 0xFF, 0xD8, 0xFF)) return Optional.of("image/jpeg");
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("image/png");
        if (starts(b, 0x50, 0x4B, 0x03, 0x04) && isWordDocument(b)) return Optional.of(DOCX);
        return Optional.empty();
    }

    /** A name without an extension fits any type; one with an extension must name the sniffed type. */
    static boolean extensionFits(String name, String type) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) return true;
        return EXTENSIONS
                .getOrDefault(type, Set.of())
                .contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isWordDocument(byte[] b) {
        boolean types = false;
        boolean document = false;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (int i = 0; i < MAX_ENTRIES; i++) {
                var entry = zip.getNextEntry();
                if (entry == null) break;
                if (entry.getName().equals("[Content_Types].xml")) types = true;
                if (entry.getName().equals("word/document.xml")) document = true;
                if (types && document) return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
