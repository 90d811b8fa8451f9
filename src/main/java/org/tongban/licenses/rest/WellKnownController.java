package org.tongban.licenses.rest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.licenses.internal.LicenseVerification;

/**
 * The same publications at stable, well-known addresses (RFC 8615), for verifiers configured with the platform's
 * host name only: {@code /.well-known/tongban/licenses/trust-list}, {@code …/root.pem}, {@code …/status-list}.
 * They answer at their old spelling ({@code …/licences/…}) too, without a redirect, because an offline verifier's
 * HTTP client need not follow one (ADR 0018).
 */
@RestController
class WellKnownController {

    private final LicenseVerification verification;

    WellKnownController(LicenseVerification verification) {
        this.verification = verification;
    }

    @GetMapping({"/.well-known/tongban/licenses/trust-list", "/.well-known/tongban/licences/trust-list"})
    ResponseEntity<String> trustList() {
        return ResponseEntity.ok()
                .contentType(LicenseApiController.JOSE)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(verification.trustList());
    }

    @GetMapping({"/.well-known/tongban/licenses/root.pem", "/.well-known/tongban/licences/root.pem"})
    ResponseEntity<String> root() {
        return ResponseEntity.ok()
                .contentType(LicenseApiController.PEM)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(verification.rootKey());
    }

    @GetMapping({"/.well-known/tongban/licenses/status-list", "/.well-known/tongban/licences/status-list"})
    ResponseEntity<String> statusList() {
        return ResponseEntity.ok()
                .contentType(LicenseApiController.JOSE)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
                .body(verification.statusList());
    }
}
