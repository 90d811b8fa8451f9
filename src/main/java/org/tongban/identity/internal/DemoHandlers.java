package org.tongban.identity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * The demo officials who handle the demo items of the departments that had none (issue 11: 23 of the 60 items
 * waited for ever), and a second official where a department had one: the official who accepted or reviewed a case
 * may not decide it, so every department that leads an item has two. README's demo accounts table lists them.
 * Added by {@link DemoData} on a fresh demo database and, for one seeded before they existed, on the next start
 * (each only when its login is missing).
 */
@Component
class DemoHandlers {

    /** One demo official: the person, the login, the department (by code), the staff number and the post. */
    record Handler(
            String name,
            String idFirst17,
            String phone,
            String login,
            String department,
            String staffNo,
            String post) {}

    static final List<Handler> HANDLERS = List.of(
            new Handler("谢华", "44010219850214431", "13800138016", "taxofficial2", "440100-SW", "GZ-SW-0002", "税务专管员"),
            new Handler("韩梅", "44010419900321642", "13800138017", "healthofficial2", "440100-WJ", "GZ-WJ-0002", "科员"),
            new Handler("唐亮", "44010119840505311", "13800138018", "fundofficial", "440100-GJJ", "GZ-GJJ-0001", "科员"),
            new Handler("许晴", "44010319891111522", "13800138019", "fundofficial2", "440100-GJJ", "GZ-GJJ-0002", "科员"),
            new Handler("邓刚", "44010519830808213", "13800138020", "transportofficial", "440100-JT", "GZ-JT-0001", "科员"),
            new Handler(
                    "曹颖", "44010619920202124", "13800138021", "transportofficial2", "440100-JT", "GZ-JT-0002", "科员"),
            new Handler("彭丽", "44010119870303426", "13800138022", "eduofficial", "440100-JY", "GZ-JY-0001", "科员"),
            new Handler("曾伟", "44010219860606517", "13800138023", "eduofficial2", "440100-JY", "GZ-JY-0002", "科员"),
            new Handler("萧敏", "44010319880808628", "13800138024", "medinsofficial", "440100-YB", "GZ-YB-0001", "科员"),
            new Handler("田军", "44010419850909719", "13800138025", "medinsofficial2", "440100-YB", "GZ-YB-0002", "科员"),
            new Handler("董芳", "44010619840404822", "13800138026", "civilofficial", "440106-MZ", "TH-MZ-0001", "婚姻登记员"),
            new Handler("袁杰", "44010619870707913", "13800138027", "civilofficial2", "440106-MZ", "TH-MZ-0002", "婚姻登记员"),
            new Handler("潘宇", "44030419860101215", "13800138028", "szofficial", "440300-SCJG", "SZ-SCJG-0001", "科员"),
            new Handler("蒋琳", "44030419910315326", "13800138029", "szofficial2", "440300-SCJG", "SZ-SCJG-0002", "科员"),
            new Handler(
                    "蔡明", "44010319820612437", "13800138030", "dataofficial", "440000-ZSJ", "GD-ZSJ-0002", "数据共享科科员"),
            new Handler(
                    "贾静", "44010519900720548", "13800138031", "dataofficial2", "440000-ZSJ", "GD-ZSJ-0003", "数据共享科科长"));

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonStore persons;

    DemoHandlers(JdbcClient jdbc, AccountStore accounts, PersonStore persons) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.persons = persons;
    }

    static List<String> logins() {
        return HANDLERS.stream().map(Handler::login).toList();
    }

    /** Adds the handlers whose login is missing, in the caller's transaction; returns how many. */
    int addMissing(String passwordHash) {
        int added = 0;
        for (var h : HANDLERS) {
            if (accounts.findByIdentifier(h.login()).isPresent()) continue;
            var unit = jdbc.sql("select id from identity.org_unit where code = :c")
                    .param("c", h.department())
                    .query(UUID.class)
                    .optional();
            if (unit.isEmpty()) continue; // a demo province without that department
            var id = IdNumber.parse(h.idFirst17() + IdNumber.checkChar(h.idFirst17()));
            var person = persons.insertPerson(h.name(), id, PhoneNumber.parse(h.phone()), 4);
            jdbc.sql("insert into identity.population_register (id_number_idx, name) values (:idx, :name)"
                            + " on conflict do nothing")
                    .param("idx", persons.idNumberIndex(id))
                    .param("name", h.name())
                    .update();
            var account = accounts.insertAccount(person, h.login(), passwordHash);
            accounts.grantRole(account, Role.OFFICIAL, unit.get(), null);
            jdbc.sql("insert into identity.official (account_id, staff_no, org_unit_id, post) values (:a, :s, :u, :p)")
                    .param("a", account)
                    .param("s", h.staffNo())
                    .param("u", unit.get())
                    .param("p", h.post())
                    .update();
            added++;
        }
        return added;
    }
}
