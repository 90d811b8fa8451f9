package org.tongban.documents;

import java.util.Map;
import org.tongban.shared.Refusal;

/** No such document, or not one the caller's department may see: the two are not told apart. */
public class DocumentNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public DocumentNotFoundException(String id) {
        super(Kind.NOT_FOUND, "problem.notFound.detail", null, "No document " + id, Map.of());
    }
}
