package org.tongban.documents.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tongban.documents.DocumentType;
import org.tongban.documents.InvalidDocumentException;

/**
 * Reads a draft from what a form or a JSON body sent, field by field: every problem at once, each under its field's
 * name with a message key, so the page shows it beside the field and keeps what was typed. Field names are the
 * form's and the API's: {@code type, copyNumber, classification, secrecyPeriod, urgency, issuerMark, title,
 * mainRecipients, body, attachmentNote, issuerSignature, writtenOn, sealKind, notes, attachments, ccRecipients,
 * printedBy, countersigners}.
 */
public final class DraftForm {

    /** The order of the fields on the form, which is the order of the errors. */
    public static final List<String> FIELDS = List.of(
            "type",
            "copyNumber",
            "classification",
            "secrecyPeriod",
            "urgency",
            "issuerMark",
            "title",
            "mainRecipients",
            "body",
            "attachmentNote",
            "attachments",
            "issuerSignature",
            "writtenOn",
            "sealKind",
            "notes",
            "ccRecipients",
            "printedBy",
            "countersigners");

    private static final Pattern COPY_NUMBER = Pattern.compile("^\\d{1,6}$");

    private DraftForm() {}

    /**
     * @param form field to its values (one value, or several for the recipient lists)
     * @param ownDepartment the drafting department, which is no recipient or countersigner of its own document
     * @param departments every department code of the platform
     */
    public static Draft read(Map<String, List<String>> form, String ownDepartment, Set<String> departments) {
        var errors = new LinkedHashMap<String, String>();
        DocumentType type = null;
        try {
            type = DocumentType.valueOf(one(form, "type"));
        } catch (IllegalArgumentException e) {
            errors.put("type", "documents.error.type");
        }
        var classification = optional(form, "classification");
        Draft.Classification cls = null;
        if (classification != null) {
            try {
                cls = Draft.Classification.valueOf(classification);
            } catch (IllegalArgumentException e) {
                errors.put("classification", "documents.error.choice");
            }
        }
        var copyNumber = optional(form, "copyNumber");
        if (copyNumber != null && !COPY_NUMBER.matcher(copyNumber).matches())
            errors.put("copyNumber", "documents.error.copyNumber");
        else if (copyNumber == null && cls != null) errors.put("copyNumber", "documents.error.copyNumberClassified");
        var secrecyPeriod = optional(form, "secrecyPeriod");
        if (secrecyPeriod != null && classification == null)
            errors.put("secrecyPeriod", "documents.error.secrecyWithoutClassification");
        else if (secrecyPeriod != null && secrecyPeriod.length() > 20)
            errors.put("secrecyPeriod", "documents.error.tooLong");
        Draft.Urgency urgency = null;
        var urgencyText = optional(form, "urgency");
        if (urgencyText != null) {
            try {
                urgency = Draft.Urgency.valueOf(urgencyText);
            } catch (IllegalArgumentException e) {
                errors.put("urgency", "documents.error.choice");
            }
        }
        var issuerMark = required(form, "issuerMark", 40, errors);
        var title = required(form, "title", 200, errors);
        var main = departments(form, "mainRecipients", ownDepartment, departments, errors);
        if (!errors.containsKey("mainRecipients")) {
            if (main.isEmpty()) errors.put("mainRecipients", "documents.error.mainRecipients");
            else if (type == DocumentType.REQUEST && main.size() > 1)
                // 行文规则: 请示 has one 主送 (DOMAIN.md 10.2).
                errors.put("mainRecipients", "documents.error.requestOneRecipient");
        }
        var body = required(form, "body", 20_000, errors);
        var attachmentNote = optional(form, "attachmentNote");
        var attachments = optional(form, "attachments");
        if (attachmentNote != null && attachmentNote.length() > 500)
            errors.put("attachmentNote", "documents.error.tooLong");
        if (attachments != null && attachmentNote == null)
            errors.put("attachmentNote", "documents.error.attachmentNote");
        if (attachments != null && attachments.length() > 20_000) errors.put("attachments", "documents.error.tooLong");
        var issuerSignature = required(form, "issuerSignature", 60, errors);
        LocalDate writtenOn = null;
        var writtenText = optional(form, "writtenOn");
        if (writtenText != null) {
            try {
                writtenOn = LocalDate.parse(writtenText);
            } catch (DateTimeParseException e) {
                errors.put("writtenOn", "documents.error.date");
            }
        }
        var sealKind = Draft.SealKind.SEALED;
        var sealText = optional(form, "sealKind");
        if (sealText != null) {
            try {
                sealKind = Draft.SealKind.valueOf(sealText);
            } catch (IllegalArgumentException e) {
                errors.put("sealKind", "documents.error.choice");
            }
        }
        var notes = optional(form, "notes");
        if (notes != null && notes.length() > 500) errors.put("notes", "documents.error.tooLong");
        var cc = departments(form, "ccRecipients", ownDepartment, departments, errors);
        if (!errors.containsKey("ccRecipients") && cc.stream().anyMatch(main::contains))
            errors.put("ccRecipients", "documents.error.ccAlsoMain");
        var printedBy = required(form, "printedBy", 60, errors);
        var countersigners = departments(form, "countersigners", ownDepartment, departments, errors);
        if (!errors.isEmpty() || type == null) throw new InvalidDocumentException(errors);
        return new Draft(
                type,
                copyNumber,
                cls,
                secrecyPeriod,
                urgency,
                issuerMark,
                title,
                main,
                body,
                attachmentNote,
                issuerSignature,
                writtenOn,
                sealKind,
                notes,
                attachments,
                cc,
                printedBy,
                countersigners);
    }

    private static String one(Map<String, List<String>> form, String field) {
        var values = form.get(field);
        if (values == null || values.isEmpty() || values.getFirst() == null) return "";
        return values.getFirst().strip();
    }

    private static @Nullable String optional(Map<String, List<String>> form, String field) {
        var v = one(form, field);
        return v.isEmpty() ? null : v;
    }

    private static String required(Map<String, List<String>> form, String field, int max, Map<String, String> errors) {
        var v = one(form, field);
        if (v.isEmpty()) errors.put(field, "documents.error.required");
        else if (v.length() > max) errors.put(field, "documents.error.tooLong");
        return v;
    }

    private static List<String> departments(
            Map<String, List<String>> form,
            String field,
            String own,
            Set<String> departments,
            Map<String, String> errors) {
        var out = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var raw : form.getOrDefault(field, List.of())) {
            if (raw == null) continue;
            for (var part : raw.split("[,，\\s]+")) {
                var code = part.strip();
                if (code.isEmpty()) continue;
                if (!departments.contains(code)) {
                    errors.put(field, "documents.error.unknownDepartment");
                    return out;
                }
                if (code.equals(own)) {
                    errors.put(field, "documents.error.ownDepartment");
                    return out;
                }
                if (seen.add(code)) out.add(code);
            }
        }
        return out;
    }
}
