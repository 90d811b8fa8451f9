package org.tongban.cases.internal;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.MaterialUploaded;
import org.tongban.shared.GmCrypto;

/**
 * Keeps an uploaded file for the applicant's application. The type is read from the content (PDF, JPEG or PNG),
 * never from the name; a name whose extension says otherwise, an empty file, one over the limit, or a PDF with
 * active content, embedded files or data after its end is refused.
 */
@Component
public class UploadMaterial {

    /** The largest file an applicant may upload. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final MaterialStore materials;
    private final TimeLimits limits;
    private final ApplicationEventPublisher events;

    UploadMaterial(MaterialStore materials, TimeLimits limits, ApplicationEventPublisher events) {
        this.materials = materials;
        this.limits = limits;
        this.events = events;
    }

    @Transactional
    public UploadView upload(UUID owner, String fileName, byte[] content) {
        var name = fileName == null ? "" : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.isEmpty() || name.length() > 200) throw new CaseRefusedException("cases.error.fileName");
        if (content.length == 0) throw new CaseRefusedException("cases.error.fileEmpty");
        if (content.length > MAX_UPLOAD_BYTES) throw new CaseRefusedException("cases.error.fileTooLarge");
        var type = FileTypes.sniff(content).orElseThrow(() -> new CaseRefusedException("cases.error.fileType"));
        if (!FileTypes.extensionFits(name, type)) throw new CaseRefusedException("cases.error.fileExtension");
        if (type.equals("application/pdf")) {
            var refused = PdfCheck.refusal(content);
            if (refused.isPresent()) throw new CaseRefusedException(refused.get());
        }
        var id = UUID.randomUUID();
        var digest = GmCrypto.hex(GmCrypto.sm3(content));
        var at = limits.now();
        materials.saveUpload(id, owner, name, type, content, digest, at);
        events.publishEvent(new MaterialUploaded(owner, id, type, content.length, digest));
        return new UploadView(id, name, type, content.length, at);
    }
}
