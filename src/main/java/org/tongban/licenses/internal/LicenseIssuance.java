package org.tongban.licenses.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseConcluded;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;

/**
 * Issuing licenses (发证): by an official of a department that issues the type (one at a time, with an idempotency
 * key, or a batch from CSV), and on the approval of a case whose item results in a license. Every license gets a
 * GB/T 36904 identifier and the issuing department's SM2 signature over its canonical document. At most one valid or
 * suspended license per type and holder, unless the type allows several; a case that approves a new license of such
 * a type for a holder who has one replaces it with the next version (换发).
 *
 * <p>The entry point of the pages, the API and the case listener; each method is a use case of its own
 * ({@link IssueOne}, {@link Reissue}, {@link IssueForCase}, {@link ImportBatch}), which owns its transaction, and
 * the {@link License} aggregate guards the status of the license a new version replaces. Refusals are recorded on the
 * audit trail at once ({@link LicenseAudit#LICENCE_ISSUE_REFUSED}), since their transaction rolls back.
 */
@Service
public class LicenseIssuance {

    private final IssueOne one;
    private final Reissue reissue;
    private final IssueForCase forCase;
    private final ImportBatch batch;

    LicenseIssuance(IssueOne one, Reissue reissue, IssueForCase forCase, ImportBatch batch) {
        this.one = one;
        this.reissue = reissue;
        this.forCase = forCase;
        this.batch = batch;
    }

    /**
     * An official issues one license of a type their department issues. The same official and request key return
     * the license issued the first time, whatever the command says now.
     *
     * @throws LicenseRefusedException not an official, or the department does not issue the type (forbidden); the
     *     holder already has a valid or suspended license of an exclusive type (conflict)
     * @throws InvalidLicenseException the data failed the type's schema or the validity rule
     */
    public LicenseSummary issue(UUID official, String requestKey, IssueLicense command) {
        return one.issue(official, requestKey, command);
    }

    /**
     * An official replaces a valid license of their department with its next version (换发, 补发, 变更): the same serial,
     * version + 1, the old one cancelled. Face data not given is kept; the holder stays the same.
     */
    public LicenseSummary reissue(UUID official, String requestKey, String identifier, IssueLicense command) {
        return reissue.reissue(official, requestKey, identifier, command);
    }

    /**
     * Issues the license of an approved case, as {@code licenses/case-results.properties} says for the item: to the
     * applicant, or to the enterprise the form names (a new one for an establishment). Called by the module's
     * listener on {@link CaseConcluded}; idempotent (the case number and type are unique), so a redelivered event
     * issues nothing twice. A case that cannot give a license (the department does not issue the type, data missing,
     * the holder's license suspended) issues none and is recorded as {@link LicenseAudit#LICENCE_CASE_NOT_ISSUED}.
     */
    public Optional<LicenseSummary> issueForCase(CaseConcluded event) {
        return forCase.issue(event);
    }

    /**
     * Imports licenses of one type from CSV (批量导入): a header row naming the columns, then one license a row. The
     * columns are {@code holderName}, {@code holderId}, optionally {@code number}, {@code validFrom},
     * {@code validTo}, and the type's fields, each by its name or its Chinese label. Every row is checked on its own:
     * good rows are issued, bad ones reported with their reasons. Rows are signed and inserted in chunks, each in a
     * transaction of its own; importing the same file again issues nothing twice (each row's request key is the
     * file's SM3 digest and the row number).
     *
     * @throws LicenseRefusedException the official may not issue the type (forbidden), or the file as a whole cannot
     *     be read: not CSV, no rows, too many rows, unknown or missing columns (unprocessable)
     */
    public BatchReport importCsv(UUID official, String type, String fileName, byte[] csv) {
        return batch.importCsv(official, type, fileName, csv);
    }

    /**
     * A random, well-formed unified social credit code of an enterprise in the region, for tests and tools that
     * make holders of licences issued by an official. Not how an enterprise is founded: an approved 企业设立登记
     * has identity register it with a code drawn from the register's sequence ({@code Enterprises.register}).
     */
    public static String newCreditCode(String region) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return org.tongban.shared.CreditCode.compose(
                        '9', '1', region, "MA" + org.tongban.shared.CreditCode.base31(random.nextLong(887_503_681L), 6))
                .value();
    }
}
