package org.tongban.cases.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.cases.internal.InboxRow;
import org.tongban.cases.internal.OfficeCaseView;
import org.tongban.shared.CurrentAccount;

/** The officials' API: the department's inbox, a case, and the actions on it. */
@RestController
@RequestMapping("/api/v1/office")
@Tag(name = "Case handling")
class OfficeCaseApiController {

    private final CaseHandling handling;
    private final CaseDocuments documents;

    OfficeCaseApiController(CaseHandling handling, CaseDocuments documents) {
        this.handling = handling;
        this.documents = documents;
    }

    /**
     * An action: the step's decision with an opinion; or {@code TRANSFER}/{@code ADD_CO_SIGNER} with a colleague;
     * {@code START_SPECIAL} with a kind and reason; {@code END_SPECIAL} with the result; {@code REQUEST_CORRECTION}
     * with the materials and answers to correct ({@code corrections}, at least one, each with a reason) and an
     * optional note in {@code opinion}.
     */
    record ActionRequest(
            @Nullable CaseAction action,
            @Nullable String opinion,
            @Nullable UUID colleague,
            @Nullable String kind,
            @Nullable List<org.tongban.cases.CorrectionPoint> corrections) {}

    record Acted(String caseNumber, org.tongban.cases.CaseStatus status) {}

    @GetMapping("/inbox")
    @Operation(summary = "Cases waiting at my department, oldest first; filter by step or my claimed tasks")
    @PreAuthorize("hasAuthority('cases:handle')")
    List<InboxRow> inbox(
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(defaultValue = "false") boolean mine,
            @CurrentAccount UUID me) {
        return handling.inbox(me, step, mine);
    }

    @GetMapping("/inbox/counts")
    @Operation(summary = "How many cases wait at each step of my department")
    @PreAuthorize("hasAuthority('cases:handle')")
    Map<String, Long> counts(@CurrentAccount UUID me) {
        return handling.counts(me);
    }

    @GetMapping("/at-risk")
    @Operation(summary = "My department's open cases at risk (80 % of the limit) or overdue")
    @PreAuthorize("hasAuthority('cases:supervise')")
    List<InboxRow> atRisk(@CurrentAccount UUID me) {
        return handling.atRisk(me);
    }

    @GetMapping("/cases/{number}")
    @Operation(summary = "A case of my department with what I may do now (reading the applicant's data is logged)")
    @PreAuthorize("hasAuthority('cases:handle')")
    OfficeCaseView one(@PathVariable String number, @CurrentAccount UUID me) {
        return handling.detail(me, number);
    }

    @PostMapping("/cases/{number}/actions")
    @Operation(
            summary = "Act on a case: claim, accept, refuse, request correction, review, return, approve, deny, "
                    + "co-sign, transfer, add a co-signer, start or end a special procedure")
    @PreAuthorize("hasAuthority('cases:handle')")
    Acted act(@PathVariable String number, @RequestBody ActionRequest body, @CurrentAccount UUID official) {
        if (body.action() == null) throw new CaseRefusedException("cases.error.actionNotAllowed");
        switch (body.action()) {
            case CLAIM -> handling.claim(official, number);
            case TRANSFER -> handling.transfer(official, number, colleague(body), body.opinion());
            case ADD_CO_SIGNER -> handling.addCoSigner(official, number, colleague(body), body.opinion());
            case START_SPECIAL ->
                handling.startSpecial(official, number, body.kind() == null ? "" : body.kind(), body.opinion());
            case END_SPECIAL -> handling.endSpecial(official, number, body.opinion());
            case REQUEST_CORRECTION ->
                handling.requestCorrection(
                        official,
                        number,
                        body.corrections() == null
                                ? List.of()
                                : body.corrections().stream()
                                        .filter(java.util.Objects::nonNull)
                                        .toList(),
                        body.opinion());
            default -> handling.act(official, number, body.action(), body.opinion());
        }
        return new Acted(number, handling.status(official, number));
    }

    @PostMapping("/cases/{number}/urge")
    @Operation(summary = "Urge the officials working a case of my department (催办)")
    @PreAuthorize("hasAuthority('cases:supervise')")
    void urge(
            @PathVariable String number,
            @RequestBody(required = false) @Nullable ActionRequest body,
            @CurrentAccount UUID me) {
        handling.urge(me, number, body == null ? null : body.opinion());
    }

    // No "produces": a refusal must still be answered with its problem (404 for another's case), not 406.
    @GetMapping("/cases/{number}/decision.pdf")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @Operation(summary = "The decision document of a concluded case of my department (PDF)")
    @PreAuthorize("hasAuthority('cases:handle')")
    ResponseEntity<byte[]> decision(@PathVariable String number, @CurrentAccount UUID me) {
        return Pdf.inline(number, documents.forOfficial(number, me));
    }

    private static UUID colleague(ActionRequest body) {
        if (body.colleague() == null) throw new CaseRefusedException("cases.error.notColleague");
        return body.colleague();
    }
}
