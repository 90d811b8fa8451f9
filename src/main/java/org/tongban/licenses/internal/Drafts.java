package org.tongban.licenses.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

/**
 * Checks a license to issue against its type and turns it into a {@link Draft} with clean values: every problem is
 * reported at once, as message keys by field (the standard attributes by their names, the face data by the field's
 * name). The validity rule decides the last day unless the issuer gives one.
 */
public final class Drafts {

    static final int NAME_MAX = 100;
    static final int NUMBER_MAX = 64;
    static final int TEXT_MAX = 1000;
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{1,15}(\\.\\d{1,6})?$");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private Drafts() {}

    /** A checked license, ready to sign. */
    public record Draft(
            LicenseTypeView type,
            String holderName,
            String holderId,
            @Nullable String number,
            Map<String, String> data,
            LocalDate validFrom,
            @Nullable LocalDate validTo) {}

    /** The outcome of a check: a draft, or the errors. */
    public record Checked(@Nullable Draft draft, Map<String, String> errors) {
        public boolean ok() {
            return draft != null;
        }

        /** The draft of a check that found no error. */
        public Draft valid() {
            return Objects.requireNonNull(draft, "the check found errors");
        }
    }

    public static Checked check(LicenseTypeView type, IssueLicense command, LocalDate today) {
        var errors = new LinkedHashMap<String, String>();
        var name = strip(command.holderName());
        if (name.isEmpty()) errors.put("holderName", "licenses.error.required");
        else if (name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl))
            errors.put("holderName", "licenses.error.tooLong");
        String holderId = null;
        try {
            holderId = type.holderKind() == HolderKind.PERSON
                    ? IdNumber.parse(command.holderId()).value()
                    : CreditCode.parse(command.holderId()).value();
        } catch (InvalidValueException e) {
            errors.put("holderId", e.messageKey());
        }
        var number = command.number() == null || command.number().isBlank()
                ? null
                : command.number().strip();
        if (number != null && (number.length() > NUMBER_MAX || number.chars().anyMatch(Character::isISOControl))) {
            errors.put("number", "licenses.error.tooLong");
        }
        var validFrom = command.validFrom() == null ? today : command.validFrom();
        if (validFrom.isBefore(EARLIEST)) errors.put("validFrom", "licenses.error.date");
        var validTo = validTo(type, validFrom, command.validTo(), errors);

        var data = new LinkedHashMap<String, String>();
        for (var key : command.data().keySet()) {
            if (type.field(key) == null && !strip(command.data().get(key)).isEmpty())
                errors.put(key, "licenses.error.unknownField");
        }
        for (var field : type.fields()) {
            var value = strip(command.data().get(field.name()));
            if (value.isEmpty()) {
                if (field.required()) errors.put(field.name(), "licenses.error.required");
                continue;
            }
            var clean = value(field, value, errors);
            if (clean != null) data.put(field.name(), clean);
        }
        if (!errors.isEmpty()) return new Checked(null, errors);
        return new Checked(
                new Draft(
                        type,
                        name,
                        Objects.requireNonNull(holderId, "no error: the holder was read"),
                        number,
                        data,
                        validFrom,
                        validTo),
                Map.of());
    }

    private static @Nullable LocalDate validTo(
            LicenseTypeView type, LocalDate from, @Nullable LocalDate given, Map<String, String> errors) {
        var rule = type.validity();
        if (rule.equals("PERMANENT")) {
            if (given != null) errors.put("validTo", "licenses.error.permanent");
            return null;
        }
        if (given != null) {
            if (given.isBefore(EARLIEST)) errors.put("validTo", "licenses.error.date");
            else if (given.isBefore(from)) errors.put("validTo", "licenses.error.validToBeforeFrom");
            return given;
        }
        if (rule.equals("GIVEN")) {
            errors.put("validTo", "licenses.error.required");
            return null;
        }
        // The last day of the period: a license valid for 6 years from 2026-03-01 is valid through 2032-02-29.
        return from.plus(Period.parse(rule)).minusDays(1);
    }

    private static @Nullable String value(LicenseTypeView.FieldSpec field, String value, Map<String, String> errors) {
        try {
            return switch (field.type()) {
                case TEXT -> {
                    int max = field.max() == null ? TEXT_MAX : field.max();
                    if (value.length() > max || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                        errors.put(field.name(), "licenses.error.tooLong");
                        yield null;
                    }
                    yield value;
                }
                case DATE -> {
                    try {
                        yield LocalDate.parse(value).toString();
                    } catch (DateTimeParseException e) {
                        errors.put(field.name(), "licenses.error.date");
                        yield null;
                    }
                }
                case NUMBER -> {
                    if (!DECIMAL.matcher(value).matches()) {
                        errors.put(field.name(), "licenses.error.number");
                        yield null;
                    }
                    yield value;
                }
                case SELECT -> {
                    if (field.option(value) == null) {
                        errors.put(field.name(), "licenses.error.option");
                        yield null;
                    }
                    yield value;
                }
                case ID_NUMBER -> IdNumber.parse(value).value();
                case CREDIT_CODE -> CreditCode.parse(value).value();
            };
        } catch (InvalidValueException e) {
            errors.put(field.name(), e.messageKey());
            return null;
        }
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
