package org.tongban.cases.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** File types read from the first bytes of the content (magic numbers), not from names. */
final class FileTypes {

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/png", Set.of("png"));

    private FileTypes() {}

    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) return Optional.of("application/pdf"); // %PDF-
        if (starts(b, 0xFF, 0xD8, 0xFF)) return Optional.of("image/jpeg");
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("image/png");
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

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
