package org.tongban.cases.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseSummary;
import org.tongban.cases.CaseView;
import org.tongban.cases.SubmitCase;

/** Apply, my cases, a case with its timeline. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CaseApiController {

    private final CaseManagement cases;
    private final MessageSource messages;

    CaseApiController(CaseManagement cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    record SubmitRequest(@Nullable String itemCode, @Nullable Map<String, String> form) {}

    record Submitted(String caseNumber) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an application; the same Idempotency-Key returns the same case")
    @PreAuthorize("hasAuthority('identity:update-own') and (hasAuthority('channel:citizen') or hasAuthority('channel:business'))")
    Submitted submit(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody SubmitRequest body, Principal me) {
        return new Submitted(cases.submit(new SubmitCase(body.itemCode() == null ? "" : body.itemCode(),
                UUID.fromString(me.getName()), key == null ? "" : key, body.form() == null ? Map.of() : body.form())));
    }

    @GetMapping
    @Operation(summary = "My cases, newest first")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<CaseSummary> mine(Principal me) {
        return cases.mine(UUID.fromString(me.getName()));
    }

    @GetMapping("/{number}")
    @Operation(summary = "One of my cases with its timeline")
    @PreAuthorize("hasAuthority('identity:read-own')")
    CaseView one(@PathVariable String number, Principal me) {
        return cases.mine(number, UUID.fromString(me.getName()));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound() {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.notFound.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.notFound.title", null, locale));
        return problem;
    }

    @ExceptionHandler(CaseRefusedException.class)
    ProblemDetail refused(CaseRefusedException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        return problem;
    }
}
