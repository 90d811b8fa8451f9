package org.tongban.notices.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.notices.internal.Attachments;

/** Files from a form or an API call, and an attachment as a download. */
public final class Uploads {

    private Uploads() {}

    public static List<Attachments.Upload> of(@Nullable List<MultipartFile> files) {
        if (files == null) return List.of();
        return files.stream()
                .filter(f ->
                        !f.isEmpty() || !String.valueOf(f.getOriginalFilename()).isBlank())
                .map(f -> {
                    try {
                        return new Attachments.Upload(String.valueOf(f.getOriginalFilename()), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    public static ResponseEntity<byte[]> download(Attachments.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
