package org.tongban.platform.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Parses a multipart body once, at the edge (the server keeps the parts for the controller): a broken body, one
 * over the upload limits, or a text field or file name that is not clean text is refused here, where it would
 * otherwise surface as an exception in whichever filter or controller touched it first.
 */
final class MultipartCheck {

    /** Text fields above this are not read whole for the check; files are never read here. */
    private static final long MAX_FIELD_BYTES = 1024 * 1024;

    record Refused(HttpStatus status, String detailKey) {}

    private MultipartCheck() {}

    static @Nullable Refused check(HttpServletRequest request) {
        try {
            for (var part : request.getParts()) {
                if (!CleanText.decoded(part.getName())) return new Refused(HttpStatus.BAD_REQUEST, "edge.badText");
                var file = part.getSubmittedFileName();
                if (file != null) {
                    if (!CleanText.decoded(file)) return new Refused(HttpStatus.BAD_REQUEST, "edge.badText");
                    continue;
                }
                if (part.getSize() > MAX_FIELD_BYTES) return new Refused(HttpStatus.CONTENT_TOO_LARGE, "edge.tooLarge");
                try (var in = part.getInputStream()) {
                    if (!CleanText.utf8(in.readAllBytes(), false))
                        return new Refused(HttpStatus.BAD_REQUEST, "edge.badText");
                }
            }
            return null;
        } catch (IOException | ServletException | RuntimeException e) {
            return new Refused(
                    tooLarge(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    tooLarge(e) ? "edge.tooLarge" : "edge.badMultipart");
        }
    }

    /** The server reports its limits with exceptions named so (FileSizeLimitExceededException and the like). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("LimitExceeded")) return true;
        }
        return false;
    }
}
