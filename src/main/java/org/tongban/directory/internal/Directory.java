package org.tongban.directory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.directory.DirectoryRefusedException;
import org.tongban.directory.internal.ContactStore.Contact;
import org.tongban.directory.internal.ContactStore.Seen;
import org.tongban.identity.Departments;

/**
 * Reading the directory: search, a department's officials and one official's card, each contact detail shown only
 * to whom its owner allows (ADR 0046). The viewer's department is identity's answer, never the viewer's say.
 */
@Service
public class Directory {

    static final int LIMIT = 50;

    /** An official as the viewer may see them: a hidden detail is null, never sent. */
    public record Card(
            UUID accountId,
            String name,
            String departmentCode,
            String department,
            String post,
            @Nullable String officePhone,
            @Nullable String mobile,
            @Nullable String email,
            @Nullable String room,
            boolean self) {}

    private final DirectoryStore store;
    private final ContactStore contacts;
    private final Departments departments;

    Directory(DirectoryStore store, ContactStore contacts, Departments departments) {
        this.store = store;
        this.contacts = contacts;
        this.departments = departments;
    }

    /** Officials by name, pinyin initials ({@code zs} finds 张三), full pinyin or department name; at most 50. */
    @Transactional(readOnly = true)
    public List<Card> search(UUID viewer, String query, Locale locale) {
        var text = clean(query);
        if (text.isEmpty()) return List.of();
        var latin = text.matches("[A-Za-z ]+") ? text.replace(" ", "").toLowerCase(Locale.ROOT) : "";
        return cards(viewer, store.search(escape(text), escape(latin), LIMIT), locale);
    }

    /** The officials of one department with their posts (at most 200). */
    @Transactional(readOnly = true)
    public List<Card> department(UUID viewer, String code, Locale locale) {
        return cards(viewer, store.inDepartment(code, 200), locale);
    }

    /** One official's card; not found for an unknown or withdrawn official. */
    @Transactional(readOnly = true)
    public Card card(UUID viewer, UUID account, Locale locale) {
        var entry = store.active(account).orElseThrow(DirectoryRefusedException::notFound);
        return cards(viewer, List.of(entry), locale).getFirst();
    }

    /** The viewer's own entry, if the viewer is in the directory. */
    @Transactional(readOnly = true)
    public @Nullable Card own(UUID viewer, Locale locale) {
        return store.active(viewer)
                .map(e -> cards(viewer, List.of(e), locale).getFirst())
                .orElse(null);
    }

    /** The region tree with its departments and how many officials each has, for browsing. */
    @Transactional(readOnly = true)
    public List<OrgTree.Node> tree(Locale locale) {
        return OrgTree.of(store.units(), store.counts(), locale);
    }

    /** A unit's name in the viewer's language, or null when the directory has no such unit. */
    @Transactional(readOnly = true)
    public OrgTree.@Nullable Node unit(String code, Locale locale) {
        return OrgTree.find(tree(locale), code);
    }

    private List<Card> cards(UUID viewer, List<DirectoryStore.Entry> entries, Locale locale) {
        var viewerDepartment = departments.departmentOf(viewer).orElse(null);
        var english = "en".equals(locale.getLanguage());
        var out = new ArrayList<Card>(entries.size());
        var known = contacts.of(
                entries.stream().map(DirectoryStore.Entry::accountId).toList());
        for (var e : entries) {
            var c = known.getOrDefault(e.accountId(), Contact.NONE);
            var self = e.accountId().equals(viewer);
            var same = self || Objects.equals(viewerDepartment, e.departmentCode());
            out.add(new Card(
                    e.accountId(),
                    e.name(),
                    e.departmentCode(),
                    english ? e.departmentEn() : e.departmentZh(),
                    e.post(),
                    shown(c.officePhone(), c.officePhoneSeen(), self, same),
                    shown(c.mobile(), c.mobileSeen(), self, same),
                    shown(c.email(), c.emailSeen(), self, same),
                    shown(c.room(), c.roomSeen(), self, same),
                    self));
        }
        return out;
    }

    private static @Nullable String shown(@Nullable String value, Seen seen, boolean self, boolean sameDepartment) {
        var allowed = switch (seen) {
            case ALL -> true;
            case DEPARTMENT -> sameDepartment;
            case SELF -> self;
        };
        return allowed ? value : null;
    }

    /** The viewer's own contact details and settings, for the form. */
    @Transactional(readOnly = true)
    public Contact ownContact(UUID viewer) {
        return contacts.of(viewer);
    }

    /** The four settings of who sees what, by form field. */
    public static Map<String, String> settingsOf(Contact c) {
        return settings(c);
    }

    static Map<String, String> settings(Contact c) {
        var m = new LinkedHashMap<String, String>();
        m.put("officePhoneSeen", c.officePhoneSeen().name());
        m.put("mobileSeen", c.mobileSeen().name());
        m.put("emailSeen", c.emailSeen().name());
        m.put("roomSeen", c.roomSeen().name());
        return m;
    }

    private static String clean(@Nullable String query) {
        if (query == null) return "";
        var s = query.strip().replaceAll("\\s+", " ");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
