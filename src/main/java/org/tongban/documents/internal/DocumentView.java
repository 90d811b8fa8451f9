package org.tongban.documents.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document as its page shows it: the aggregate, the names of the departments it names, the opinions along the way,
 * the countersignatures still awaited, the receipts (for the issuer) and what the caller may do now.
 *
 * @param actions the steps open to the caller: {@code revise, submit, check, countersign, sign, seal, dispatch}
 * @param receipt the caller's department's receipt of it, when it received the document
 */
public record DocumentView(
        OfficialDocument document,
        String issuerName,
        Map<String, String> departmentNames,
        List<DocumentStore.StepView> steps,
        List<ReceiptView> receipts,
        @Nullable ReceiptView receipt,
        @Nullable String keyId,
        List<String> actions) {

    public String name(String code) {
        return departmentNames.getOrDefault(code, code);
    }
}
