package org.tongban.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read by a feature of the platform itself on behalf of the data subject (the citizen viewing their own health code,
 * or an official printing it for the person at the window), not by another department's system: no grant and no
 * consent are needed, the subject being the one served, but it is enforced like the gateway (a registered resource,
 * only its fields, none of class 不予共享, a purpose in words) and written into the exchange's signed call log under the
 * feature's name, so that the subject sees it on {@code /citizen/data} like any other read.
 */
public interface SubjectReads {

    /**
     * The subject's record, only the fields asked; empty when the source holds no record of the subject (also logged).
     *
     * @throws ExchangeRefusedException not found: an unknown resource or source; forbidden: a field the resource does
     *     not have or one of class 不予共享, no purpose, no valid ID number (each refusal logged and audited)
     */
    Optional<Map<String, String>> readForSubject(Read read);

    /**
     * @param feature the platform feature that reads, e.g. {@code healthcode}; the log's caller is
     *     {@code platform:<feature>}
     * @param department the department that runs the feature and answers for the read (shown to the subject)
     * @param resource the catalogue code of the resource
     * @param idNumber the subject's ID number
     * @param fields the fields wanted
     * @param purpose why, in words the subject reads on {@code /citizen/data}
     */
    record Read(
            String feature, String department, String resource, String idNumber, List<String> fields, String purpose) {}
}
