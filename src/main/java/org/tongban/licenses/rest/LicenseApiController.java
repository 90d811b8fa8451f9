package org.tongban.licenses.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.licenses.LicenseKeyStore.KeyInfo;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.internal.BatchReport;
import org.tongban.licenses.internal.IssueLicense;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseKeys;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseStatusView;
import org.tongban.licenses.internal.LicenseSummary;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.licenses.internal.LicenseVerification;
import org.tongban.licenses.internal.LicenseView;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.licenses.internal.ShowTokenView;
import org.tongban.licenses.internal.WalletPage;
import org.tongban.shared.CurrentAccount;

/**
 * Electronic licenses: types (public); issuing, the department's register and status changes (officials); the
 * holder's licenses and show tokens; verification, the trust list, the root key and the status list (public).
 */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "Licenses")
class LicenseApiController {

    /**
     * The JOSE media type for compact serializations; Tongban's envelopes have that shape (docs/licenses.md). Set on
     * the answer rather than declared as produced, so that any Accept header gets the list.
     */
    static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final LicenseManagement management;
    private final LicenseWallet wallet;
    private final LicenseVerification verification;
    private final LicenseKeys keys;
    private final MessageSource messages;

    LicenseApiController(
            LicenseTypes types,
            LicenseIssuance issuance,
            LicenseManagement management,
            LicenseWallet wallet,
            LicenseVerification verification,
            LicenseKeys keys,
            MessageSource messages) {
        this.types = types;
        this.issuance = issuance;
        this.management = management;
        this.wallet = wallet;
        this.verification = verification;
        this.keys = keys;
        this.messages = messages;
    }

    /** A license to issue; {@code data} holds the type's fields by name. Dates are {@code yyyy-MM-dd}. */
    record IssueRequest(
            @Nullable String type,
            @Nullable String holderName,
            @Nullable String holderId,
            @Nullable String number,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable Map<String, String> data) {

        IssueLicense command() {
            return new IssueLicense(
                    type == null ? "" : type,
                    holderName == null ? "" : holderName,
                    holderId == null ? "" : holderId,
                    data == null ? Map.of() : data,
                    number,
                    validFrom,
                    validTo);
        }
    }

    record ReasonRequest(@Nullable String reason) {}

    /** The fields to disclose (the type's face fields when empty) and those of them to show unmasked. */
    record ShowRequest(
            @Nullable List<String> fields, @Nullable List<String> unmasked) {}

    record VerifyRequest(@Nullable String token) {}

    /**
     * The verdict on a token: {@code outcome} is a stable code (VALID, MALFORMED, UNKNOWN_ISSUER, INVALID_SIGNATURE,
     * KEY_NOT_VALID, KEY_REVOKED, EXPIRED, NOT_YET_VALID, LICENCE_EXPIRED, REVOKED, SUSPENDED, UNKNOWN_LICENCE), {@code message}
     * says it in the caller's language, {@code check} names the check in English ("invalid signature", "expired" …).
     */
    record VerifyResponse(
            String outcome,
            boolean valid,
            String check,
            String message,
            Instant checkedAt,
            @Nullable String identifier,
            @Nullable String type,
            @Nullable String typeName,
            @Nullable String issuer,
            @Nullable String issuerName,
            @Nullable Map<String, Field> fields,
            @Nullable Instant tokenIssuedAt,
            @Nullable Instant tokenExpiresAt,
            @Nullable LocalDate validTo,
            @Nullable String licenseStatus,
            @Nullable String keyId) {}

    record Field(String label, String value) {}

    record KeyView(
            String kid,
            String use,
            String owner,
            String publicKeyPem,
            Instant notBefore,
            Instant signUntil,
            Instant notAfter,
            @Nullable Instant retiredAt,
            @Nullable Instant revokedAt) {
        static KeyView of(KeyInfo k) {
            return new KeyView(
                    k.kid(),
                    k.use(),
                    k.owner(),
                    org.tongban.verifier.Sm2.pem(k.publicKey()),
                    k.notBefore(),
                    k.signUntil(),
                    k.notAfter(),
                    k.retiredAt(),
                    k.revokedAt());
        }
    }

    // Types

    @GetMapping("/types")
    @Operation(summary = "License types: codes, holder kind, issuing departments, data fields, validity rule, template")
    List<LicenseTypeView> types() {
        return types.all();
    }

    // Issuing (officials)

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a license of a type my department issues",
            description =
                    "Repeating the request with the same Idempotency-Key returns the license issued the first time. "
                            + "403 when my department does not issue the type; 409 when the holder already holds one; 422 with "
                            + "errors by field when the data fail the type's schema.")
    @PreAuthorize("hasAuthority('licenses:issue')")
    LicenseSummary issue(
            @RequestHeader("Idempotency-Key") String key, @RequestBody IssueRequest body, @CurrentAccount UUID me) {
        return issuance.issue(me, key, body.command());
    }

    @PostMapping(path = "/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import licenses of one type from CSV; the report lists each refused row with its reasons",
            description = "Header: holderName, holderId, optionally number, validFrom, validTo, then the type's fields "
                    + "by name or Chinese label. UTF-8 or GB18030. Importing the same file again issues nothing twice.")
    @PreAuthorize("hasAuthority('licenses:issue')")
    BatchReport batch(@RequestParam String type, @RequestPart("file") MultipartFile file, @CurrentAccount UUID me)
            throws IOException {
        return issuance.importCsv(
                me, type, Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes());
    }

    @GetMapping("/issued")
    @Operation(summary = "What my department issued, newest first; pass next as before for the following page")
    @PreAuthorize("hasAuthority('licenses:issue')")
    WalletPage issued(
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") int limit,
            @CurrentAccount UUID me) {
        return management.issuedByMyDepartment(me, before, limit);
    }

    @GetMapping("/issued/{id}")
    @Operation(summary = "One license my department issued, in full (the read is audited)")
    @PreAuthorize("hasAuthority('licenses:issue')")
    LicenseView issuedOne(@PathVariable String id, @CurrentAccount UUID me) {
        return management.license(me, id);
    }

    @PostMapping("/{id}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Replace a valid license of my department with its next version (换发); fields not given are kept")
    @PreAuthorize("hasAuthority('licenses:issue')")
    LicenseSummary reissue(
            @PathVariable String id,
            @RequestHeader("Idempotency-Key") String key,
            @RequestBody IssueRequest body,
            @CurrentAccount UUID me) {
        var c = body.command();
        return issuance.reissue(
                me,
                key,
                id,
                new IssueLicense(
                        c.type(), c.holderName(), c.holderId(), c.data(), c.number(), c.validFrom(), c.validTo()));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a license of my department (撤销), with a reason")
    @PreAuthorize("hasAuthority('licenses:status')")
    LicenseSummary revoke(@PathVariable String id, @RequestBody ReasonRequest body, @CurrentAccount UUID me) {
        return management.revoke(me, id, body.reason());
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a license of my department (暂扣), with a reason")
    @PreAuthorize("hasAuthority('licenses:status')")
    LicenseSummary suspend(@PathVariable String id, @RequestBody ReasonRequest body, @CurrentAccount UUID me) {
        return management.suspend(me, id, body.reason());
    }

    @PostMapping("/{id}/reinstate")
    @Operation(summary = "Lift a suspension (暂扣发还), with a reason")
    @PreAuthorize("hasAuthority('licenses:status')")
    LicenseSummary reinstate(@PathVariable String id, @RequestBody ReasonRequest body, @CurrentAccount UUID me) {
        return management.reinstate(me, id, body.reason());
    }

    // The holder

    @GetMapping("/mine")
    @Operation(summary = "My licenses and my enterprises', newest first; pass next as before for the following page")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    WalletPage mine(
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") int limit,
            @CurrentAccount UUID me) {
        return wallet.mine(me, before, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my licenses in full, with the signed document and whether its signature verifies")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    LicenseView one(@PathVariable String id, @CurrentAccount UUID me) {
        return wallet.license(me, id);
    }

    @PostMapping("/{id}/show")
    @Operation(
            summary = "A show token (亮证) for one of my licenses, good for 60 seconds by default",
            description = "Discloses the type's face fields unless fields are named; personal values are masked unless "
                    + "named in unmasked. Verify it with POST /api/v1/licenses/verify or offline (docs/licenses.md).")
    @PreAuthorize("hasAuthority('licenses:show')")
    ShowTokenView show(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable ShowRequest body,
            @CurrentAccount UUID me) {
        return wallet.show(me, id, body == null ? null : body.fields(), body == null ? null : body.unmasked());
    }

    // Anyone

    @GetMapping("/{id}/status")
    @Operation(summary = "A license's status by its identifier (no holder, no data)")
    LicenseStatusView status(@PathVariable String id) {
        return management.status(id).orElseThrow(LicenseNotFoundException::new);
    }

    @PostMapping("/verify")
    @Operation(
            summary = "Verify a show token: signature, issuer key, token expiry, license period and status",
            description = "Always 200 with the verdict for any token, garbage included; the outcome names the first "
                    + "check that failed.")
    VerifyResponse verify(@RequestBody VerifyRequest body) {
        var r = verification.verify(body.token());
        var locale = LocaleContextHolder.getLocale();
        var en = locale.getLanguage().equals("en");
        Map<String, Field> fields = null;
        if (r.fields() != null) {
            var type = r.type() == null ? null : types.find(r.type()).orElse(null);
            fields = new LinkedHashMap<>();
            for (var e : r.fields().entrySet()) {
                var label = label(type, e.getKey(), en);
                fields.put(e.getKey(), new Field(label, e.getValue()));
            }
        }
        var message = messages.getMessage(
                "licenses.verify.outcome." + r.outcome().name(),
                null,
                r.outcome().message(),
                locale);
        return new VerifyResponse(
                r.outcome().name(),
                r.valid(),
                r.outcome().message(),
                Objects.requireNonNullElse(message, r.outcome().message()),
                r.checkedAt(),
                r.identifier(),
                r.type(),
                r.typeName(),
                r.issuerDepartment(),
                en ? r.issuerNameEn() : r.issuerNameZh(),
                fields,
                r.tokenIssuedAt(),
                r.tokenExpiresAt(),
                r.validTo(),
                r.licenseStatus() == null ? null : r.licenseStatus().name(),
                r.keyId());
    }

    @GetMapping("/trust-list")
    @Operation(summary = "The trust list: issuer and status public keys, signed by the root key (docs/licenses.md)")
    ResponseEntity<String> trustList() {
        return ResponseEntity.ok()
                .contentType(JOSE)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(verification.trustList());
    }

    @GetMapping("/trust-list/root.pem")
    @Operation(summary = "The root public key (PEM) that signs trust lists: pin it in verifiers")
    ResponseEntity<String> root() {
        return ResponseEntity.ok()
                .contentType(PEM)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(verification.rootKey());
    }

    @GetMapping("/status-list")
    @Operation(
            summary = "The status list: two bits per license, signed by the platform's status key (docs/licenses.md)")
    ResponseEntity<String> statusList() {
        return ResponseEntity.ok()
                .contentType(JOSE)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
                .body(verification.statusList());
    }

    // Keys (operator)

    @GetMapping("/keys")
    @Operation(summary = "The signing keys that verify, with their periods")
    @PreAuthorize("hasAuthority('licenses:keys')")
    List<KeyView> keys() {
        return keys.keys().stream().map(KeyView::of).toList();
    }

    @PostMapping("/keys/{owner}/{use}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Rotate a key: an issuing department's (use ISSUER) or the platform's status key (owner PLATFORM, "
                            + "use STATUS); the root key takes two people (root-rotations)")
    @PreAuthorize("hasAuthority('licenses:keys')")
    KeyView rotate(@PathVariable String owner, @PathVariable String use, @CurrentAccount UUID me) {
        return KeyView.of(keys.rotate(owner, use, me));
    }

    /** Why a key is revoked, and since when its signatures are invalid (ISO-8601; empty: now). */
    record RevokeKeyRequest(
            @Nullable String reason, @Nullable Instant from) {}

    @PostMapping("/keys/{kid}/revoke")
    @Operation(
            summary = "Revoke a compromised issuer or status key: nothing it signed at or after 'from' verifies; "
                    + "its owner gets a new key at once")
    @PreAuthorize("hasAuthority('licenses:keys')")
    KeyView revokeKey(@PathVariable String kid, @RequestBody RevokeKeyRequest body, @CurrentAccount UUID me) {
        return KeyView.of(keys.revoke(kid, body.from(), body.reason(), me));
    }

    record ProposeRootRotation(@Nullable String reason) {}

    @PostMapping("/keys/root-rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose to rotate the root key; another operator or a government manager approves it")
    @PreAuthorize("hasAuthority('licenses:keys')")
    LicenseKeys.RootRotation proposeRootRotation(@RequestBody ProposeRootRotation body, @CurrentAccount UUID me) {
        return keys.proposeRootRotation(me, body.reason());
    }

    @GetMapping("/keys/root-rotations")
    @Operation(summary = "The latest proposals to rotate the root key")
    @PreAuthorize("hasAuthority('licenses:keys') or hasAuthority('licenses:keys-approve')")
    List<LicenseKeys.RootRotation> rootRotations() {
        return keys.rootRotations();
    }

    @PostMapping("/keys/root-rotations/{id}/approve")
    @Operation(summary = "Approve another person's proposal to rotate the root key: the root key is rotated")
    @PreAuthorize("hasAuthority('licenses:keys-approve')")
    KeyView approveRootRotation(@PathVariable UUID id, @CurrentAccount UUID me) {
        return KeyView.of(keys.approveRootRotation(id, me));
    }

    private String label(@Nullable LicenseTypeView type, String field, boolean en) {
        if (type != null) {
            var spec = type.field(field);
            if (spec != null) return en ? spec.en() : spec.zh();
        }
        if (LicenseTypeView.STANDARD_FIELDS.contains(field)) {
            return Objects.requireNonNullElse(
                    messages.getMessage("licenses.field." + field, null, field, LocaleContextHolder.getLocale()),
                    field);
        }
        return field;
    }
}
