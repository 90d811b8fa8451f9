package org.tongban.licenses.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.LicensePdf;
import org.tongban.licenses.internal.LicenseView;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.licenses.internal.ShowTokenView;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.HtmxFragment;
import org.tongban.shared.QrCode;

/**
 * The holder's license wallet (证照夹) in the citizen and business channels: the licenses, one license with its data,
 * a static QR for print that points to the public status page, a PDF copy (an authorised copy carries the purpose
 * as a watermark), and showing a license (亮证) as a dynamic QR that the page refreshes before it expires.
 */
@Controller
class WalletController {

    private final LicenseWallet wallet;
    private final LicensePdf pdf;
    private final MessageSource messages;
    private final String publicUrl;

    WalletController(
            LicenseWallet wallet,
            LicensePdf pdf,
            MessageSource messages,
            org.tongban.licenses.internal.LicenseProperties properties) {
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
        this.wallet = wallet;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/{channel:citizen|business}/licenses")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String list(
            @PathVariable String channel,
            @RequestParam(required = false) @Nullable Long before,
            @CurrentAccount UUID me,
            @org.tongban.identity.CurrentEnterprise(required = false)
                    org.tongban.identity.@Nullable EnterpriseView enterprise,
            Model model) {
        model.addAttribute("channel", channel);
        // The citizen channel's wallet holds the person's licences, the business channel's the current enterprise's.
        model.addAttribute("page", wallet.inChannel(me, enterprise, channel.equals("business"), before, 20));
        return "licenses/wallet";
    }

    @GetMapping("/{channel:citizen|business}/licenses/{identifier}")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String one(
            @PathVariable String channel,
            @PathVariable String identifier,
            @CurrentAccount UUID me,
            Model model,
            Locale locale) {
        var license = own(me, identifier);
        model.addAttribute("channel", channel);
        model.addAttribute("l", license);
        model.addAttribute(
                "staticQr",
                QrCode.svg(
                        statusUrl(license.identifier()),
                        messages.getMessage("licenses.wallet.staticQr", null, locale)));
        return "licenses/mine";
    }

    /** The show page: the fields to disclose (masked unless chosen otherwise) and the QR of a fresh token. */
    @GetMapping("/{channel:citizen|business}/licenses/{identifier}/show")
    @PreAuthorize("hasAuthority('identity:read-own')")
    @HtmxFragment(template = "licenses/show", fragment = "live")
    String show(
            @PathVariable String channel,
            @PathVariable String identifier,
            @CurrentAccount UUID me,
            Model model,
            Locale locale) {
        var license = own(me, identifier);
        return showPage(channel, license, license.type().face(), List.of(), me, model, locale);
    }

    @PostMapping("/{channel:citizen|business}/licenses/{identifier}/show")
    @PreAuthorize("hasAuthority('identity:read-own')")
    @HtmxFragment(template = "licenses/show", fragment = "live")
    String showChosen(
            @PathVariable String channel,
            @PathVariable String identifier,
            @RequestParam(name = "field", required = false) @Nullable List<String> fields,
            @RequestParam(name = "plain", required = false) @Nullable List<String> plain,
            @CurrentAccount UUID me,
            Model model,
            Locale locale) {
        var license = own(me, identifier);
        var chosen = fields == null || fields.isEmpty() ? license.type().face() : fields;
        var unmasked = plain == null
                ? List.<String>of()
                : plain.stream().filter(chosen::contains).toList();
        return showPage(channel, license, chosen, unmasked, me, model, locale);
    }

    /** A fresh token for the same choice, for the page's refresh: the QR drawing and when it expires. */
    @PostMapping(
            path = "/{channel:citizen|business}/licenses/{identifier}/show/token",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('identity:read-own')")
    @ResponseBody
    Map<String, Object> token(
            @PathVariable String identifier,
            @RequestParam(name = "field", required = false) @Nullable List<String> fields,
            @RequestParam(name = "plain", required = false) @Nullable List<String> plain,
            @CurrentAccount UUID me,
            Locale locale) {
        // Not found is a 404 and an unknown field a 422, without a body, as the page advice answers any fetch.
        var token = wallet.show(me, identifier, fields, plain);
        var body = new LinkedHashMap<String, Object>();
        body.put("svg", QrCode.svg(token.token(), messages.getMessage("licenses.show.qr", null, locale)));
        body.put("token", token.token());
        body.put("expiresAt", token.expiresAt().toString());
        body.put("seconds", wallet.showSeconds());
        return body;
    }

    /** A PDF copy; with a purpose, an authorised copy watermarked "仅供…使用" on every page. */
    @GetMapping("/{channel:citizen|business}/licenses/{identifier}/license.pdf")
    @PreAuthorize("hasAuthority('identity:read-own')")
    ResponseEntity<byte[]> pdf(
            @PathVariable String identifier,
            @RequestParam(defaultValue = "") String purpose,
            @CurrentAccount UUID me,
            Locale locale) {
        var license = own(me, identifier);
        var why = purpose.strip();
        if (why.length() > 40) throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
        var body = pdf.render(license, why.isEmpty() ? null : why, statusUrl(license.identifier()), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Cache-Control", "private, no-store")
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename(license.type().nameZh() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private String showPage(
            String channel,
            LicenseView license,
            List<String> fields,
            List<String> plain,
            UUID me,
            Model model,
            Locale locale) {
        var en = locale.getLanguage().equals("en");
        model.addAttribute("channel", channel);
        model.addAttribute("l", license);
        model.addAttribute("face", face(license, locale, en));
        if (license.summary().status() != LicenseStatus.VALID) {
            // A suspended, revoked, cancelled or expired license is not shown as a QR that looks like a good one:
            // the page says why instead (issue 11, finding 8); the verifier would say the same of any token.
            return "licenses/show";
        }
        ShowTokenView token;
        try {
            token = wallet.show(me, license.identifier(), fields, plain);
        } catch (InvalidLicenseException e) {
            model.addAttribute("error", "licenses.error.unknownField");
            token = wallet.show(me, license.identifier(), null, null);
            fields = license.type().face();
            plain = List.of();
        }
        var choices = new ArrayList<Choice>();
        for (var name : license.type().face()) {
            if (license.value(name) == null) continue;
            choices.add(new Choice(
                    name,
                    label(license, name, locale, en),
                    fields.contains(name),
                    plain.contains(name),
                    license.type().maskOf(name) != org.tongban.licenses.internal.LicenseTypeView.Mask.NONE));
        }
        model.addAttribute("token", token);
        model.addAttribute("choices", choices);
        model.addAttribute("seconds", wallet.showSeconds());
        model.addAttribute("qr", QrCode.svg(token.token(), messages.getMessage("licenses.show.qr", null, locale)));
        return "licenses/show";
    }

    /**
     * The license's face as the show page presents it to whoever looks at the phone: the type's face fields, each
     * masked as the type says (the QR discloses the same by default), the number masked like it, and the validity
     * and issuer. The holder's full data stays on the license page.
     */
    private List<FaceRow> face(LicenseView license, Locale locale, boolean en) {
        var rows = new ArrayList<FaceRow>();
        var names = new java.util.LinkedHashSet<String>();
        names.add("holderName");
        names.add("number");
        names.addAll(license.type().face());
        names.remove("validFrom");
        names.remove("validTo");
        names.remove("issuer");
        for (var name : names) {
            var value = license.value(name);
            if (value == null) continue;
            var spec = license.type().field(name);
            var option = spec == null ? null : spec.option(value);
            var shown = option != null
                    ? (en ? option.en() : option.zh())
                    : license.type().maskOf(name).apply(value);
            rows.add(new FaceRow(name, label(license, name, locale, en), shown));
        }
        return rows;
    }

    /** One line of the license's face on the show page: the field's name (for tests), its label and what is shown. */
    record FaceRow(String name, String label, String value) {}

    /** A field the holder may disclose: shown or not, masked or in full. */
    record Choice(String name, String label, boolean shown, boolean plain, boolean maskable) {}

    private String label(LicenseView license, String name, Locale locale, boolean en) {
        var spec = license.type().field(name);
        if (spec != null) return en ? spec.en() : spec.zh();
        var key = name.equals("holderId")
                ? "licenses.field.holderId." + license.type().holderKind()
                : "licenses.field." + name;
        return Objects.requireNonNullElse(messages.getMessage(key, null, name, locale), name);
    }

    private LicenseView own(UUID me, String identifier) {
        return wallet.license(me, identifier);
    }

    /**
     * The public page that tells a license's status by its identifier: what the static QR and the PDF point to. It is
     * built from the platform's configured address, never from the request's Host header, which the caller chooses.
     */
    private String statusUrl(String identifier) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(publicUrl)
                .path("/verify/licenses/{id}")
                .buildAndExpand(identifier)
                .toUriString();
    }
}
