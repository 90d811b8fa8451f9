package org.tongban.documents.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.documents.DocumentNotFoundException;
import org.tongban.documents.internal.DocumentStatus;
import org.tongban.documents.internal.DocumentStore;
import org.tongban.documents.internal.Incoming;
import org.tongban.documents.internal.OfficialDocuments;
import org.tongban.documents.internal.ReceiptStatus;
import org.tongban.documents.internal.ReceiptView;
import org.tongban.documents.internal.ShortNames;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.shared.CurrentAccount;

/** The API of official documents, mirroring the pages: drafting, each step, the PDF and its seal, incoming, archive. */
@RestController
@Tag(name = "Official documents")
class DocumentApiController {

    private final OfficialDocuments documents;
    private final ShortNames shortNames;
    private final LicenseKeyStore keys;

    DocumentApiController(OfficialDocuments documents, ShortNames shortNames, LicenseKeyStore keys) {
        this.documents = documents;
        this.shortNames = shortNames;
        this.keys = keys;
    }

    /** A step's request: the outcome where the step has two ({@code pass/return}, {@code agree/return}, {@code sign/return}). */
    record StepRequest(@Nullable String outcome, @Nullable String opinion) {}

    record Created(UUID id) {}

    /**
     * The sealed copy for offline verification: the PDF, the detached SM2-SM3 signature (DER, default identifier
     * 1234567812345678) and the department's public key, base64 (docs/documents.md has the openssl command).
     */
    record Seal(String keyId, String owner, String publicKeyPem, String signature, String sm3, String pdf) {}

    @GetMapping("/api/v1/office/documents")
    @Operation(summary = "My department's outgoing documents, optionally in one state")
    @PreAuthorize("hasAuthority('documents:read')")
    List<DocumentStore.DocumentRow> list(
            @RequestParam(required = false) @Nullable DocumentStatus status, @CurrentAccount UUID me) {
        return documents.mine(me, status, 100);
    }

    @GetMapping("/api/v1/office/documents/countersign")
    @Operation(summary = "Documents of other departments waiting for my department's countersignature")
    @PreAuthorize("hasAuthority('documents:read')")
    List<DocumentStore.DocumentRow> toCountersign(@CurrentAccount UUID me) {
        return documents.toCountersign(me);
    }

    @PostMapping("/api/v1/office/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a document: the GB/T 9704 elements; recipients are department codes")
    @PreAuthorize("hasAuthority('documents:handle')")
    Created draft(@RequestBody Map<String, Object> body, @CurrentAccount UUID me) {
        return new Created(documents.draft(me, form(body)));
    }

    @PutMapping("/api/v1/office/documents/{id}")
    @Operation(summary = "Change a draft")
    @PreAuthorize("hasAuthority('documents:handle')")
    Map<String, String> revise(@PathVariable UUID id, @RequestBody Map<String, Object> body, @CurrentAccount UUID me) {
        documents.revise(me, id, form(body));
        return Map.of("status", "DRAFT");
    }

    @GetMapping("/api/v1/office/documents/{id}")
    @Operation(summary = "A document, its history and the steps open to me")
    @PreAuthorize("hasAuthority('documents:read')")
    Map<String, Object> document(@PathVariable UUID id, @CurrentAccount UUID me) {
        var v = documents.view(me, id, false);
        var d = v.document();
        var out = new HashMap<String, Object>();
        out.put("id", d.id());
        out.put("department", d.department());
        out.put("status", d.status());
        out.put("number", d.number());
        out.put("signer", d.signerName());
        out.put("content", d.content());
        out.put("countersigned", d.countersigned());
        out.put("steps", v.steps());
        out.put(
                "receipts",
                v.receipts().stream()
                        .map(r -> Map.of("department", r.department(), "status", r.status()))
                        .toList());
        out.put("actions", v.actions());
        return out;
    }

    @GetMapping(value = "/api/v1/office/documents/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The sealed PDF, or a preview before sealing")
    @PreAuthorize("hasAuthority('documents:read')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentAccount UUID me) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(documents.pdf(me, id));
    }

    @GetMapping("/api/v1/office/documents/{id}/seal")
    @Operation(summary = "The sealed copy with its detached SM2 signature and public key, for offline verification")
    @PreAuthorize("hasAuthority('documents:read')")
    Seal seal(@PathVariable UUID id, @CurrentAccount UUID me) {
        var copy = documents.sealedCopy(me, id);
        var key = keys.key(copy.keyId()).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        var b64 = Base64.getEncoder();
        return new Seal(
                copy.keyId(),
                key.owner(),
                org.tongban.verifier.Sm2.pem(key.publicKey()),
                b64.encodeToString(copy.signature()),
                copy.sm3(),
                b64.encodeToString(copy.pdf()));
    }

    @PostMapping("/api/v1/office/documents/{id}/{step}")
    @Operation(summary = "A step: submit, check, countersign, sign, seal, dispatch, urge")
    @PreAuthorize("hasAuthority('documents:handle')")
    Map<String, Object> step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestBody(required = false) @Nullable StepRequest request,
            @CurrentAccount UUID me) {
        var outcome = request == null || request.outcome() == null ? "" : request.outcome();
        var opinion = request == null ? null : request.opinion();
        switch (step) {
            case "submit" -> documents.submit(me, id);
            case "check" -> documents.check(me, id, !"return".equals(outcome), opinion);
            case "countersign" -> documents.countersign(me, id, !"return".equals(outcome), opinion);
            case "sign" -> {
                if ("return".equals(outcome)) documents.returnFromSigning(me, id, opinion);
                else return Map.of("id", id, "number", documents.sign(me, id, opinion));
            }
            case "seal" -> documents.seal(me, id);
            case "dispatch" -> documents.dispatch(me, id);
            case "urge" -> {
                return Map.of("id", id, "urged", documents.urge(me, id));
            }
            default -> throw new DocumentNotFoundException(id.toString());
        }
        return Map.of(
                "id", id, "status", documents.view(me, id, false).document().status());
    }

    @GetMapping("/api/v1/office/documents/incoming")
    @Operation(summary = "Documents delivered to my department, optionally in one state")
    @PreAuthorize("hasAuthority('documents:read')")
    List<ReceiptView> incoming(
            @RequestParam(required = false) @Nullable ReceiptStatus status, @CurrentAccount UUID me) {
        return documents.incoming(me, status);
    }

    @GetMapping("/api/v1/office/documents/incoming/{id}")
    @Operation(summary = "One received document and its handling")
    @PreAuthorize("hasAuthority('documents:read')")
    ReceiptView receipt(@PathVariable UUID id, @CurrentAccount UUID me) {
        return documents.receipt(me, id);
    }

    @PostMapping("/api/v1/office/documents/incoming/{id}/{step}")
    @Operation(summary = "A step of the incoming flow: sign-for, propose, instruct, handle, conclude")
    @PreAuthorize("hasAuthority('documents:handle')")
    Map<String, Object> receiptStep(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestBody(required = false) @Nullable StepRequest request,
            @CurrentAccount UUID me) {
        var text = request == null || request.opinion() == null ? "" : request.opinion();
        switch (step) {
            case "sign-for" -> {
                return Map.of("receipt", id, "registrationNo", documents.signFor(me, id));
            }
            case "propose" -> documents.propose(me, id, text);
            case "instruct" -> documents.instruct(me, id, text);
            case "handle" -> documents.handle(me, id, text);
            case "conclude" -> documents.conclude(me, id);
            default -> throw new DocumentNotFoundException(id.toString());
        }
        return Map.of("receipt", id, "status", documents.receipt(me, id).status());
    }

    @GetMapping("/api/v1/office/documents/archive")
    @Operation(summary = "Search the archive by number, title, issuing department and signing date")
    @PreAuthorize("hasAuthority('documents:read')")
    List<DocumentStore.DocumentRow> archive(
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String issuer,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @CurrentAccount UUID me) {
        return documents.archive(me, number, title, issuer, from, to);
    }

    @GetMapping("/api/v1/office/documents/completion")
    @Operation(summary = "办结率 per department of the documents delivered in a period")
    @PreAuthorize("hasAuthority('documents:read')")
    List<Incoming.Rate> completion(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return documents.completion(from, to);
    }

    @GetMapping("/api/v1/documents/short-names")
    @Operation(summary = "The departments' 机关代字")
    @PreAuthorize("hasAuthority('documents:short-names')")
    Map<String, String> shortNames() {
        return shortNames.all();
    }

    @PutMapping("/api/v1/documents/short-names/{department}")
    @Operation(summary = "Set a department's 机关代字 (the manager)")
    @PreAuthorize("hasAuthority('documents:short-names')")
    Map<String, String> setShortName(
            @PathVariable String department, @RequestBody Map<String, String> body, @CurrentAccount UUID me) {
        shortNames.set(me.toString(), department, body.getOrDefault("shortName", ""));
        return Map.of("department", department, "shortName", body.getOrDefault("shortName", ""));
    }

    /** A JSON body as the form's fields: strings, or lists of strings for the recipient lists. */
    private static Map<String, List<String>> form(Map<String, Object> body) {
        var out = new HashMap<String, List<String>>();
        body.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                var values = new ArrayList<String>();
                for (var o : list) if (o != null) values.add(o.toString());
                out.put(k, values);
            } else if (v != null) out.put(k, List.of(v.toString()));
        });
        return out;
    }
}
