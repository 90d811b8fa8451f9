package org.tongban.documents.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.documents.DocumentType;

/** A received document (收文) of one department, with its handling so far. */
public record ReceiptView(
        UUID id,
        UUID documentId,
        String department,
        String kind,
        ReceiptStatus status,
        @Nullable String registrationNo,
        @Nullable String proposal,
        @Nullable String instruction,
        @Nullable String handling,
        Instant deliveredAt,
        @Nullable Instant doneAt,
        @Nullable Instant urgedAt,
        DocumentType type,
        String title,
        @Nullable String number,
        String issuer,
        List<DocumentStore.StepView> steps) {}
