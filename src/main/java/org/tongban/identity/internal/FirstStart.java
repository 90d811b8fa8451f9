package org.tongban.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PasswordPolicy;
import org.tongban.shared.PhoneNumber;

/**
 * The first start of an installation (ADR 0035): on a database that has no platform operator and no government
 * manager yet, creates the first of each, as persons with their ID numbers and phones and accounts with a generated
 * initial password that must be changed at the first sign-in. Staff sign in with two factors: the password and a
 * one-time code to the phone given here (or a passkey, once added). Refuses once any operator or manager exists,
 * so that it cannot be used to add administrators later; both outcomes are audited.
 */
@Service
public class FirstStart {

    private static final Pattern LOGIN = Pattern.compile("^[a-z][a-z0-9._-]{2,31}$");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String SYMBOLS = "@#%+=";

    private final JdbcClient jdbc;
    private final PersonStore persons;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    FirstStart(
            JdbcClient jdbc,
            PersonStore persons,
            AccountStore accounts,
            PasswordEncoder passwords,
            AuditManagement audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
    }

    /** One administrator to create: the person's name, ID number and mobile, and an optional login name. */
    public record Administrator(
            String name,
            String idNumber,
            String phone,
            @Nullable String loginName) {}

    /** A created administrator and the initial password, shown once and never stored in clear. */
    public record Created(UUID accountId, Role role, String signInWith, String initialPassword) {}

    /** The bootstrap was refused: what is wrong, in words for the installer. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Whether the installation still has no operator and no manager (the bootstrap may run). */
    @Transactional(readOnly = true)
    public boolean pending() {
        return administrators() == 0;
    }

    /** Creates the first operator and the first manager, or throws {@link Refused} having written nothing. */
    @Transactional
    public List<Created> bootstrap(Administrator operator, Administrator manager) {
        // Two installers starting the command at once: the second waits, then finds the first one's accounts.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.identity.first-start'))")
                .query()
                .singleValue();
        int existing = administrators();
        if (existing > 0) {
            audit.recordNow(AuditRecord.denied(
                    FirstStartAudit.FIRST_START_REFUSED,
                    null,
                    "installation",
                    Map.of("administrators", Integer.toString(existing))));
            throw new Refused("The installation already has " + existing
                    + " operator or manager account(s): the first start runs only once. Further staff are "
                    + "appointed in the application.");
        }
        var problems = new ArrayList<String>();
        check("operator", operator, problems);
        check("manager", manager, problems);
        if (normalize(operator.idNumber()).equals(normalize(manager.idNumber()))) {
            problems.add("the operator and the manager must be two persons (separation of duties, 三员分立)");
        }
        if (!problems.isEmpty()) throw new Refused("Refused: " + String.join("; ", problems) + ".");
        var created = List.of(create(operator, Role.PLATFORM_OPERATOR), create(manager, Role.GOVERNMENT_MANAGER));
        events.publishEvent(AuditRecord.success(
                FirstStartAudit.FIRST_START_BOOTSTRAPPED,
                null,
                "installation",
                Map.of(
                        "operator", created.get(0).accountId().toString(),
                        "manager", created.get(1).accountId().toString())));
        return created;
    }

    private int administrators() {
        return jdbc.sql("""
                select count(distinct account_id) from identity.account_role
                 where role in ('PLATFORM_OPERATOR', 'GOVERNMENT_MANAGER')""").query(Integer.class).single();
    }

    private void check(String who, Administrator a, List<String> problems) {
        if (a.name().isBlank()) problems.add("--" + who + "-name is missing");
        if (!IdNumber.isValid(normalize(a.idNumber()))) {
            problems.add("--" + who + "-id is not a valid resident ID number (18 characters with its check character)");
        } else if (accounts.findByIdentifier(normalize(a.idNumber())).isPresent()) {
            problems.add("--" + who + "-id already has an account");
        }
        if (!PhoneNumber.isValid(a.phone())) {
            problems.add("--" + who + "-phone is not a mainland mobile number");
        } else if (accounts.findByIdentifier(a.phone()).isPresent()) {
            problems.add("--" + who + "-phone already belongs to an account");
        }
        var login = a.loginName();
        if (login != null && !LOGIN.matcher(login.toLowerCase(Locale.ROOT)).matches()) {
            problems.add(
                    "--" + who + "-login must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter");
        } else if (login != null && accounts.findByIdentifier(login).isPresent()) {
            problems.add("--" + who + "-login is taken");
        }
    }

    private Created create(Administrator a, Role role) {
        var id = IdNumber.parse(normalize(a.idNumber()));
        var phone = PhoneNumber.parse(a.phone());
        // Staff are identified in person at appointment: trust level 4, as the demo's staff.
        var person = persons.insertPerson(a.name().strip(), id, phone, 4);
        var password = initialPassword(id.value(), phone.value(), a.loginName());
        var login = a.loginName() == null ? null : a.loginName().toLowerCase(Locale.ROOT);
        var account = accounts.insertAccount(person, login, Objects.requireNonNull(passwords.encode(password)));
        accounts.grantRole(account, role, null, null);
        jdbc.sql("update identity.account set password_change_required = true where id = :id")
                .param("id", account)
                .update();
        return new Created(account, role, login != null ? login : phone.value(), password);
    }

    /** 16 characters from four classes that pass the password policy; drawn again in the rare case they do not. */
    private String initialPassword(String idNumber, String phone, @Nullable String login) {
        while (true) {
            var b = new StringBuilder();
            for (int i = 0; i < 14; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            b.insert(random.nextInt(b.length()), SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
            b.insert(random.nextInt(b.length()), (char) ('2' + random.nextInt(8)));
            var candidate = b.toString();
            if (PasswordPolicy.violations(candidate, idNumber, phone, login).isEmpty()) return candidate;
        }
    }

    private static String normalize(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
