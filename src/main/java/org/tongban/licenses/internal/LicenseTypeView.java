package org.tongban.licenses.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.Masking;

/**
 * A license type (证照类型): its short code (as the catalogue names it), GB/T 36904 type code, names, defining
 * authority, holder kind, issuing departments, the typed schema of its face data, the validity rule and the display
 * template.
 *
 * @param validity {@code PERMANENT} (长期有效), an ISO-8601 period counted from the first valid day ({@code P6Y}), or
 *     {@code GIVEN} (the issuer states the last day)
 * @param numberMask how the license number (证照编号) is masked when shown: it is the ID number on some licenses
 * @param face the fields shown on the license's face and disclosed in a show token by default, in order; besides the
 *     schema's own fields: {@code holderName}, {@code holderId}, {@code number}, {@code issueDate}, {@code validFrom},
 *     {@code validTo}, {@code issuer}
 */
public record LicenseTypeView(
        String code,
        String typeCode,
        String nameZh,
        String nameEn,
        String authorityCode,
        String authorityZh,
        String authorityEn,
        HolderKind holderKind,
        List<String> issuers,
        String validity,
        boolean allowMultiple,
        Mask numberMask,
        List<FieldSpec> fields,
        String color,
        List<String> face) {

    /** The attributes every license has, beside its type's own fields. */
    public static final Set<String> STANDARD_FIELDS =
            Set.of("holderName", "holderId", "number", "issueDate", "validFrom", "validTo", "issuer");

    public LicenseTypeView {
        issuers = List.copyOf(issuers);
        fields = List.copyOf(fields);
        face = List.copyOf(face);
    }

    /**
     * The unit of a validity that is a period ({@code Y}, {@code M} or {@code D}), or null for {@code PERMANENT} and
     * {@code GIVEN}: with {@link #validityCount()}, how a page says the rule in words (6 年) rather than as P6Y.
     */
    public @Nullable String validityUnit() {
        return validity.equals("PERMANENT") || validity.equals("GIVEN")
                ? null
                : validity.substring(validity.length() - 1);
    }

    /** The number of units of a validity that is a period; 0 otherwise. */
    public int validityCount() {
        return validityUnit() == null ? 0 : Integer.parseInt(validity.substring(1, validity.length() - 1));
    }

    public boolean issuedBy(String department) {
        return issuers.contains(department);
    }

    public @Nullable FieldSpec field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** Every field name a holder may disclose: the standard attributes and the schema's fields. */
    public boolean knows(String name) {
        return STANDARD_FIELDS.contains(name) || field(name) != null;
    }

    /** How a field is masked when shown to someone other than the holder. */
    public Mask maskOf(String name) {
        return switch (name) {
            case "holderName" -> holderKind == HolderKind.PERSON ? Mask.NAME : Mask.NONE;
            case "holderId" -> holderKind == HolderKind.PERSON ? Mask.ID_NUMBER : Mask.NONE;
            case "number" -> numberMask;
            default -> {
                var field = field(name);
                yield field == null ? Mask.NONE : field.mask();
            }
        };
    }

    /** The kinds of value a field takes; each is checked on issue. */
    public enum FieldType {
        TEXT,
        DATE,
        NUMBER,
        SELECT,
        ID_NUMBER,
        CREDIT_CODE
    }

    /** How a value is masked for display (DOMAIN.md 11.4); {@link #NONE} for public values. */
    public enum Mask {
        NONE,
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS;

        public String apply(String value) {
            return switch (this) {
                case NONE -> value;
                case NAME -> Masking.name(value);
                case ID_NUMBER -> Masking.idNumber(value);
                case PHONE -> Masking.phone(value);
                case ADDRESS -> address(value);
            };
        }

        /** Down to the district or county (区/县), the rest hidden: 广州市天河区**** . */
        private static String address(String value) {
            var s = value.strip();
            int cut = -1;
            for (int i = 0; i < Math.min(s.length(), 12); i++) {
                char c = s.charAt(i);
                if (c == '区' || c == '县') {
                    cut = i + 1;
                    break;
                }
            }
            if (cut < 0) cut = Math.min(3, s.length() / 2);
            return s.substring(0, cut) + "****";
        }
    }

    /** A choice of a {@link FieldType#SELECT} field. */
    public record Option(String value, String zh, String en) {}

    /** One field of the face data: its name, kind, labels, whether it is required, its mask and limits. */
    public record FieldSpec(
            String name,
            FieldType type,
            String zh,
            String en,
            boolean required,
            Mask mask,
            @Nullable Integer max,
            List<Option> options) {

        public FieldSpec {
            options = List.copyOf(options);
        }

        public @Nullable Option option(String value) {
            return options.stream()
                    .filter(o -> o.value().equals(value))
                    .findFirst()
                    .orElse(null);
        }
    }
}
