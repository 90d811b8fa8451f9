package org.tongban.exchange.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.exchange.internal.AccessRequests;
import org.tongban.exchange.internal.CallLog;
import org.tongban.exchange.internal.Catalogue;
import org.tongban.exchange.internal.Consents;
import org.tongban.exchange.internal.IssuedCredential;
import org.tongban.exchange.internal.LogVerification;
import org.tongban.exchange.internal.NewRequest;
import org.tongban.exchange.internal.RegisterResource;
import org.tongban.exchange.internal.RequestView;
import org.tongban.exchange.internal.ResourceView;
import org.tongban.identity.Departments;
import org.tongban.shared.CurrentAccount;

/** The exchange's JSON API for departments' data officers, and the citizen's reads and consents. */
@RestController
class ExchangeApiController {

    private final Catalogue catalogue;
    private final AccessRequests requests;
    private final CallLog log;
    private final Consents consents;
    private final Departments departments;

    ExchangeApiController(
            Catalogue catalogue, AccessRequests requests, CallLog log, Consents consents, Departments departments) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.log = log;
        this.consents = consents;
        this.departments = departments;
    }

    @GetMapping("/api/v1/exchange/resources")
    @PreAuthorize("hasAuthority('exchange:manage')")
    List<ResourceView> resources() {
        return catalogue.all();
    }

    @GetMapping("/api/v1/exchange/resources/{code}")
    @PreAuthorize("hasAuthority('exchange:manage')")
    ResourceView resource(@PathVariable String code) {
        return catalogue.find(code).orElseThrow(ExchangeRefusedException::notFound);
    }

    @PostMapping("/api/v1/exchange/resources")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    ResourceView register(@RequestBody RegisterResource body, @CurrentAccount UUID me) {
        return catalogue.register(me, body);
    }

    @GetMapping("/api/v1/exchange/requests")
    @PreAuthorize("hasAuthority('exchange:manage')")
    Map<String, List<RequestView>> requests(@CurrentAccount UUID me) {
        var out = new LinkedHashMap<String, List<RequestView>>();
        out.put("incoming", requests.incoming(me));
        out.put("outgoing", requests.outgoing(me));
        return out;
    }

    @GetMapping("/api/v1/exchange/requests/{id}")
    @PreAuthorize("hasAuthority('exchange:manage')")
    RequestView request(@PathVariable UUID id, @CurrentAccount UUID me) {
        return requests.find(me, id);
    }

    @PostMapping("/api/v1/exchange/requests")
    @PreAuthorize("hasAuthority('exchange:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView ask(@RequestBody NewRequest body, @CurrentAccount UUID me) {
        return requests.request(me, body);
    }

    record Approval(@Nullable List<String> fields, @Nullable String grantedUntil) {}

    /** Approves (possibly narrowed); the answer holds the credential's secret, shown this once. */
    @PostMapping("/api/v1/exchange/requests/{id}/approve")
    @PreAuthorize("hasAuthority('exchange:manage')")
    IssuedCredential approve(@PathVariable UUID id, @RequestBody Approval body, @CurrentAccount UUID me) {
        var fields = body.fields() == null ? requests.find(me, id).fields() : body.fields();
        return requests.approve(me, id, fields, body.grantedUntil() == null ? "" : body.grantedUntil());
    }

    record Refusal(@Nullable String reason) {}

    @PostMapping("/api/v1/exchange/requests/{id}/refuse")
    @PreAuthorize("hasAuthority('exchange:manage')")
    RequestView refuse(@PathVariable UUID id, @RequestBody Refusal body, @CurrentAccount UUID me) {
        return requests.refuse(me, id, body.reason() == null ? "" : body.reason());
    }

    @PostMapping("/api/v1/exchange/requests/{id}/revoke")
    @PreAuthorize("hasAuthority('exchange:manage')")
    RequestView revoke(@PathVariable UUID id, @CurrentAccount UUID me) {
        return requests.revoke(me, id);
    }

    /** Recomputes the call log's chain and checks its signed heads. */
    @GetMapping("/api/v1/exchange/log/verification")
    @PreAuthorize("hasAuthority('exchange:manage')")
    LogVerification verify() {
        return log.verify();
    }

    @GetMapping("/api/v1/exchange/my-data")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    Map<String, Object> myData(@CurrentAccount UUID me) {
        return Map.of("reads", consents.reads(me, departments), "consents", consents.mine(me));
    }

    @PostMapping("/api/v1/exchange/my-data/consents/{request}")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void consent(@PathVariable UUID request, @CurrentAccount UUID me) {
        consents.give(me, request);
    }

    @PostMapping("/api/v1/exchange/my-data/consents/{request}/withdraw")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID request, @CurrentAccount UUID me) {
        consents.withdraw(me, request);
    }
}
