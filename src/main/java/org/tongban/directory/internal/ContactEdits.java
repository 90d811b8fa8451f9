package org.tongban.directory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.directory.DirectoryAudit;
import org.tongban.directory.InvalidContactException;
import org.tongban.directory.internal.ContactStore.Contact;
import org.tongban.directory.internal.ContactStore.Seen;
import org.tongban.shared.PhoneNumber;

/**
 * An official keeps their own contact details and chooses who sees each. Every field is checked and all problems
 * are told at once; nothing is written then. A change of who may see a detail is audited.
 */
@Service
public class ContactEdits {

    private static final Pattern OFFICE_PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{4,19}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final ContactStore contacts;
    private final AuditManagement audit;

    ContactEdits(ContactStore contacts, AuditManagement audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Saves the form's fields (officePhone, mobile, email, room and the four *Seen settings). */
    @Transactional
    public void save(UUID me, Map<String, String> form) {
        var errors = new HashMap<String, String>();
        var officePhone = optional(form.get("officePhone"));
        var mobile = optional(form.get("mobile"));
        var email = optional(form.get("email"));
        var room = optional(form.get("room"));
        if (officePhone != null && !OFFICE_PHONE.matcher(officePhone).matches())
            errors.put("officePhone", "directory.error.officePhone");
        if (mobile != null && !PhoneNumber.isValid(mobile)) errors.put("mobile", "directory.error.mobile");
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches()))
            errors.put("email", "directory.error.email");
        if (room != null && (room.length() > 40 || room.codePoints().anyMatch(Character::isISOControl)))
            errors.put("room", "directory.error.room");
        var before = contacts.of(me);
        var officePhoneSeen = seen(form, "officePhoneSeen", before.officePhoneSeen(), errors);
        var mobileSeen = seen(form, "mobileSeen", before.mobileSeen(), errors);
        var emailSeen = seen(form, "emailSeen", before.emailSeen(), errors);
        var roomSeen = seen(form, "roomSeen", before.roomSeen(), errors);
        if (!errors.isEmpty()) throw new InvalidContactException(errors);
        var after = new Contact(officePhone, mobile, email, room, officePhoneSeen, mobileSeen, emailSeen, roomSeen);
        contacts.save(me, after);
        var changed = new HashMap<String, String>();
        var old = Directory.settings(before);
        Directory.settings(after).forEach((k, v) -> {
            if (!v.equals(old.get(k))) changed.put(k, old.get(k) + "→" + v);
        });
        if (!changed.isEmpty()) {
            audit.recordWithin(AuditRecord.success(
                    DirectoryAudit.DIRECTORY_VISIBILITY_CHANGED, me.toString(), me.toString(), changed));
        }
    }

    private static @Nullable String optional(@Nullable String raw) {
        if (raw == null) return null;
        var s = raw.strip();
        return s.isEmpty() ? null : s;
    }

    /** The setting chosen in the form; the one before when the form leaves it out; an error when unknown. */
    private static Seen seen(Map<String, String> form, String field, Seen before, Map<String, String> errors) {
        var raw = form.get(field);
        if (raw == null || raw.isBlank()) return before;
        for (var s : Seen.values()) if (s.name().equals(raw.strip())) return s;
        errors.put(field, "directory.error.seen");
        return before;
    }
}
