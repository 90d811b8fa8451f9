package org.tongban.cases.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.SubmitCase;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.cases.internal.CaseSummary;
import org.tongban.cases.internal.CaseView;
import org.tongban.cases.internal.DraftView;
import org.tongban.cases.internal.UploadView;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.shared.CurrentAccount;

/** The applicant's API: upload, draft, apply, my cases, a case with its timeline, withdraw, correct, decision. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CaseApiController {

    private static final String APPLICANT =
            "hasAuthority('identity:update-own') and (hasAuthority('channel:citizen') or hasAuthority('channel:business'))";

    private final CaseManagement cases;
    private final CaseDocuments documents;

    CaseApiController(CaseManagement cases, CaseDocuments documents) {
        this.cases = cases;
        this.documents = documents;
    }

    /**
     * An application: the item, the answers, per material number {@code upload:<id>} (from
     * {@code POST /api/v1/cases/uploads}) or {@code licence:<id>}, and the channel ({@code PERSON} or
     * {@code ENTERPRISE}; when absent, the item's only channel, or for an item of both the citizen channel).
     */
    record SubmitRequest(
            @Nullable String itemCode,
            @Nullable Map<String, String> form,
            @Nullable Map<Integer, String> materials,
            @Nullable String channel) {}

    record Submitted(String caseNumber) {}

    record DraftRequest(
            @Nullable Map<String, String> form, @Nullable Map<Integer, String> materials) {}

    record WithdrawRequest(@Nullable String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "File an application; the same Idempotency-Key returns the same case",
            description = "In the business channel the case is filed as the enterprise named by the X-Enterprise "
                    + "header (its credit code; may be left out by a caller acting for one): the enterprise is the "
                    + "applicant party, the caller the person who acted for it. 404 for an enterprise the caller "
                    + "may not act for; 422 for a person-only item filed as an enterprise, an enterprise-only item "
                    + "filed as a person, or a business filing that names no enterprise.")
    @io.swagger.v3.oas.annotations.Parameter(
            in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
            name = CurrentEnterprise.HEADER,
            description = "credit code")
    @PreAuthorize(APPLICANT)
    Submitted submit(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody SubmitRequest body,
            @CurrentAccount UUID me,
            @CurrentEnterprise(required = false) @Nullable EnterpriseView enterprise) {
        // The enterprise named by X-Enterprise (or the caller's only one) files in the business channel; a filing in
        // the citizen channel is the person's own whatever the header says.
        return new Submitted(cases.submit(new SubmitCase(
                body.itemCode() == null ? "" : body.itemCode(),
                me,
                key == null ? "" : key,
                body.form() == null ? Map.of() : body.form(),
                body.materials() == null ? Map.of() : body.materials(),
                body.channel(),
                enterprise == null ? null : enterprise.creditCode())));
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a material (PDF, JPEG or PNG, read from the content; at most 10 MB)")
    @PreAuthorize(APPLICANT)
    UploadView upload(@RequestParam("file") MultipartFile file, @CurrentAccount UUID me) throws IOException {
        return cases.upload(me, String.valueOf(file.getOriginalFilename()), file.getBytes());
    }

    @GetMapping("/drafts/{itemCode}")
    @Operation(summary = "My saved application for an item")
    @PreAuthorize(APPLICANT)
    DraftView draft(@PathVariable String itemCode, @CurrentAccount UUID me) {
        return cases.draft(me, itemCode).orElseThrow(() -> new CaseNotFoundException(itemCode));
    }

    @PutMapping("/drafts/{itemCode}")
    @Operation(summary = "Save an application to finish later")
    @PreAuthorize(APPLICANT)
    DraftView saveDraft(@PathVariable String itemCode, @RequestBody DraftRequest body, @CurrentAccount UUID me) {
        return cases.saveDraft(
                me,
                itemCode,
                body.form() == null ? Map.of() : body.form(),
                body.materials() == null ? Map.of() : body.materials());
    }

    @GetMapping
    @Operation(summary = "My own cases as a person, newest first (an enterprise's: /api/v1/business/cases)")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<CaseSummary> mine(@CurrentAccount UUID me) {
        return cases.mine(me);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One of my cases with its answers, materials, time limit, pauses, result and timeline")
    @PreAuthorize("hasAuthority('identity:read-own')")
    CaseView one(@PathVariable String number, @CurrentAccount UUID me) {
        return cases.mine(number, me);
    }

    @PostMapping("/{number}/withdraw")
    @Operation(summary = "Withdraw my case before it is accepted")
    @PreAuthorize(APPLICANT)
    CaseView withdraw(
            @PathVariable String number,
            @RequestBody(required = false) @Nullable WithdrawRequest body,
            @CurrentAccount UUID applicant) {
        cases.withdraw(number, applicant, body == null ? null : body.reason());
        return cases.mine(number, applicant);
    }

    @PostMapping("/{number}/correction")
    @Operation(summary = "Answer a correction request (补正) with corrected answers and materials")
    @PreAuthorize(APPLICANT)
    CaseView correct(@PathVariable String number, @RequestBody DraftRequest body, @CurrentAccount UUID applicant) {
        cases.correct(
                number,
                applicant,
                body.form() == null ? Map.of() : body.form(),
                body.materials() == null ? Map.of() : body.materials());
        return cases.mine(number, applicant);
    }

    // No "produces": a refusal must still be answered with its problem (404 for another's case), not 406.
    @GetMapping("/{number}/decision.pdf")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @Operation(summary = "The decision document of my concluded case (PDF)")
    @PreAuthorize("hasAuthority('identity:read-own')")
    ResponseEntity<byte[]> decision(@PathVariable String number, @CurrentAccount UUID me) {
        return Pdf.inline(number, documents.forApplicant(number, me));
    }
}
