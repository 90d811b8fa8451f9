package org.tongban.platform.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text must be to enter the platform: well-formed UTF-8 (no lone or encoded surrogates, no overlong forms)
 * and free of NUL, which PostgreSQL refuses in any text column.
 */
final class CleanText {

    private CleanText() {}

    /**
     * A percent-encoded path, query or form body: every escape complete, and the bytes it stands for clean
     * UTF-8. {@code plusIsSpace} for queries and forms.
     */
    static boolean encoded(String raw, boolean plusIsSpace) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return false;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c > 0xFF) {
                return false;
            } else {
                bytes.write(c);
            }
        }
        return utf8(bytes.toByteArray(), false);
    }

    /**
     * Clean UTF-8 bytes; for JSON also no {@code \u0000} escape, which a parser turns into a NUL. Outside
     * strings valid JSON has no backslash, so reading escape by escape finds every such one.
     */
    static boolean utf8(byte[] bytes, boolean json) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) return false;
            if (json && bytes[i] == '\\' && i + 1 < bytes.length) {
                if (bytes[i + 1] == 'u'
                        && i + 5 < bytes.length
                        && bytes[i + 2] == '0'
                        && bytes[i + 3] == '0'
                        && bytes[i + 4] == '0'
                        && bytes[i + 5] == '0') {
                    return false;
                }
                i++;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A header value as the server decoded it (ISO-8859-1): no control characters but the tab. */
    static boolean headerValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
        }
        return true;
    }

    /** A token such as an Idempotency-Key: 1 to {@code max} visible ASCII characters. */
    static boolean token(String value, int max) {
        if (value.isEmpty() || value.length() > max) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) return false;
        }
        return true;
    }

    /** A text value already decoded (a multipart field, a file name): no NUL and no lone surrogate. */
    static boolean decoded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
