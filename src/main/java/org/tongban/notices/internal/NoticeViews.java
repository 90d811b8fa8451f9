package org.tongban.notices.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.identity.StaffView;
import org.tongban.notices.InvalidNoticeException;
import org.tongban.shared.InvalidInput;

/** Words for the pages and the API: departments by name, times in China time, replies and field errors in words. */
@Component
public class NoticeViews {

    /** An official one may invite, with her department's name. */
    public record Person(UUID id, String name, String department) {}

    /** Receipts of one department: who read (and when) and who has not. */
    public record DepartmentReceipts(String department, List<Notices.Receipt> read, List<Notices.Receipt> unread) {}

    private final Departments departments;
    private final MessageSource messages;

    NoticeViews(Departments departments, MessageSource messages) {
        this.departments = departments;
        this.messages = messages;
    }

    public List<DepartmentView> departments() {
        return departments.departments();
    }

    /** The regions that have departments, code to the name of their first department's region (by its code). */
    public Map<String, String> regions(Locale locale) {
        var out = new LinkedHashMap<String, String>();
        for (var d : departments.departments())
            out.putIfAbsent(
                    d.regionCode(),
                    messages.getMessage("notices.region." + d.regionCode(), null, d.regionCode(), locale));
        return out;
    }

    public String department(String code, Locale locale) {
        return departments
                .department(code)
                .map(d -> locale.getLanguage().equals("en") ? d.nameEn() : d.nameZh())
                .orElse(code);
    }

    public String time(@Nullable Instant at) {
        return at == null ? "" : MeetingStore.format(at);
    }

    public String reply(@Nullable String reply, Locale locale) {
        return messages.getMessage("notices.reply." + (reply == null ? "NONE" : reply), null, locale);
    }

    /** The officials of every department, by department then name, for choosing invitees. */
    public List<Person> officials(Locale locale) {
        var out = new ArrayList<Person>();
        for (var d : departments.departments()) {
            var ids = departments.officialsOf(d.code());
            var names = departments.officialNames(ids);
            var name = department(d.code(), locale);
            ids.stream()
                    .filter(names::containsKey)
                    .sorted(java.util.Comparator.comparing(id -> names.getOrDefault(id, "")))
                    .forEach(id -> out.add(new Person(id, names.getOrDefault(id, ""), name)));
        }
        return out;
    }

    /** The official's active colleagues (to delegate to), named in full. */
    public List<StaffView> colleagues(UUID me) {
        var staff =
                departments.colleagues(me).stream().filter(StaffView::active).toList();
        var names = departments.officialNames(
                staff.stream().map(StaffView::accountId).toList());
        return staff.stream()
                .map(s -> new StaffView(
                        s.accountId(), names.getOrDefault(s.accountId(), s.name()), s.staffNo(), s.post(), true))
                .toList();
    }

    public List<DepartmentReceipts> byDepartment(List<Notices.Receipt> receipts, Locale locale) {
        var groups = new LinkedHashMap<String, List<Notices.Receipt>>();
        for (var r : receipts)
            groups.computeIfAbsent(r.department(), k -> new ArrayList<>()).add(r);
        var out = new ArrayList<DepartmentReceipts>();
        groups.forEach((code, rs) -> out.add(new DepartmentReceipts(
                department(code, locale),
                rs.stream().filter(r -> r.readAt() != null).toList(),
                rs.stream().filter(r -> r.readAt() == null).toList())));
        return out;
    }

    /** Field errors in words. */
    public Map<String, String> problems(@Nullable InvalidInput e, Locale locale) {
        var out = new java.util.HashMap<String, String>();
        if (e != null)
            e.fieldErrors().forEach((field, key) -> out.put(field, messages.getMessage(key, null, key, locale)));
        return out;
    }

    static InvalidNoticeException invalid(String field, String key) {
        return new InvalidNoticeException(Map.of(field, key));
    }
}
