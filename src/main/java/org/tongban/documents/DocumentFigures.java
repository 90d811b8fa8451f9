package org.tongban.documents;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.documents.internal.OfficialDocuments;

/** 办结率 for other modules (the dashboards, ADR 0044): per receiving department, the documents delivered in a period. */
@Service
public class DocumentFigures {

    /** A department's incoming documents delivered in the period and those of them done (办结). */
    public record Completion(String department, long delivered, long done) {}

    private final OfficialDocuments documents;

    DocumentFigures(OfficialDocuments documents) {
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public List<Completion> completion(LocalDate from, LocalDate to) {
        return documents.completion(from, to).stream()
                .map(r -> new Completion(r.department(), r.delivered(), r.done()))
                .toList();
    }
}
