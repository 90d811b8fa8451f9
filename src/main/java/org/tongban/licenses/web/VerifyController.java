package org.tongban.licenses.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.licenses.internal.LicenseVerification;
import org.tongban.shared.LicenseIdentifier;
import org.tongban.shared.QrCode;

/**
 * The public verification page (亮证核验): anyone pastes a show token or uploads a photo of the QR code, and is told
 * whether the license is valid, or which check failed; and the page the static QR of a printed copy points to,
 * which tells only the license's type, issuer and status.
 */
@Controller
class VerifyController {

    /** The largest picture accepted, in bytes. */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private final LicenseVerification verification;
    private final LicenseManagement licenses;
    private final LicenseTypes types;
    private final org.springframework.context.MessageSource messages;

    VerifyController(
            LicenseVerification verification,
            LicenseManagement licenses,
            LicenseTypes types,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.verification = verification;
        this.licenses = licenses;
        this.types = types;
    }

    @GetMapping("/verify")
    String page() {
        return "licenses/verify";
    }

    @PostMapping("/verify")
    String verify(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(required = false) @Nullable MultipartFile image,
            Model model,
            java.util.Locale locale) {
        var text = token.strip();
        if (image != null && !image.isEmpty()) {
            if (image.getSize() > MAX_IMAGE_BYTES) {
                model.addAttribute("error", "licenses.verify.imageTooLarge");
                return "licenses/verify";
            }
            try {
                var read = QrCode.read(image.getBytes());
                if (read.isEmpty()) {
                    model.addAttribute("error", "licenses.verify.noQr");
                    return "licenses/verify";
                }
                text = read.get();
            } catch (IOException e) {
                model.addAttribute("error", "licenses.verify.noQr");
                return "licenses/verify";
            }
        }
        if (text.isEmpty()) {
            model.addAttribute("error", "licenses.verify.empty");
            return "licenses/verify";
        }
        // A static QR of a printed copy holds the status page's address: go there.
        var marker = "/verify/licenses/";
        int at = text.indexOf(marker);
        if (at >= 0 && text.startsWith("http")) return "redirect:" + text.substring(at);
        var result = verification.verify(text);
        model.addAttribute("result", result);
        model.addAttribute("token", text);
        model.addAttribute("labels", labels(result.type(), locale));
        var register = verification.register(result.type());
        model.addAttribute("outcomePrefix", register == null ? "licenses.verify.outcome." : register.messagePrefix());
        return "licenses/verify";
    }

    /** Labels of a type's fields in the reader's language, for the disclosed fields of a token. */
    private java.util.Map<String, String> labels(@Nullable String type, java.util.Locale locale) {
        var labels = new java.util.HashMap<String, String>();
        if (type == null) return labels;
        var register = verification.register(type);
        if (register != null) return register.labels(locale);
        var en = locale.getLanguage().equals("en");
        types.find(type).ifPresent(t -> {
            for (var name : org.tongban.licenses.internal.LicenseTypeView.STANDARD_FIELDS) {
                var key = name.equals("holderId")
                        ? "licenses.field.holderId." + t.holderKind()
                        : "licenses.field." + name;
                labels.put(name, messages.getMessage(key, null, name, locale));
            }
            t.fields().forEach(f -> labels.put(f.name(), en ? f.en() : f.zh()));
        });
        return labels;
    }

    @GetMapping("/verify/licenses/{identifier}")
    String status(@PathVariable String identifier, Model model) {
        var status = licenses.status(identifier).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("status", status);
        var typeCode = LicenseIdentifier.parse(status.identifier()).typeCode();
        model.addAttribute(
                "type",
                types.all().stream()
                        .filter(t -> t.typeCode().equals(typeCode))
                        .findFirst()
                        .orElse(null));
        return "licenses/status";
    }
}
