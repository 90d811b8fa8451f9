package org.tongban.directory;

import java.util.Map;
import org.tongban.shared.Refusal;

/** An official not in the directory (unknown, or withdrawn): not found. The key is the API problem's {@code code}. */
public class DirectoryRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public DirectoryRefusedException(Refusal.Kind kind, String messageKey) {
        super(kind, messageKey, null, messageKey, Map.of("code", messageKey));
    }

    public static DirectoryRefusedException notFound() {
        return new DirectoryRefusedException(Refusal.Kind.NOT_FOUND, "directory.error.notFound");
    }
}
