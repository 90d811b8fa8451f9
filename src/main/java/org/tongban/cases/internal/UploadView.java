package org.tongban.cases.internal;

import java.time.Instant;
import java.util.UUID;

/** A file the applicant uploaded; its type was read from its content, not its name. */
public record UploadView(UUID id, String fileName, String contentType, int size, Instant uploadedAt) {}
