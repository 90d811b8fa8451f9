package org.tongban.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.OfficialAppointed;
import org.tongban.identity.OfficialWithdrawn;
import org.tongban.identity.Role;
import org.tongban.identity.StaffRefusedException;
import org.tongban.identity.StaffView;

/** The department admin's staff: who is posted to the admin's department, posting an official and withdrawing one. */
@Service
public class StaffAppointments {

    /** Roles of the console (管, 运, 审): never combined with handling cases in a department. */
    static final Set<Role> CONSOLE_ROLES = EnumSet.of(Role.GOVERNMENT_MANAGER, Role.PLATFORM_OPERATOR, Role.AUDITOR);

    private final AccountStore accounts;
    private final StaffStore staff;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    StaffAppointments(
            AccountStore accounts, StaffStore staff, ApplicationEventPublisher events, AuditManagement audit) {
        this.accounts = accounts;
        this.staff = staff;
        this.events = events;
        this.audit = audit;
    }

    /** The staff of the departments the account administers; empty for anyone who administers none. */
    @Transactional(readOnly = true)
    public List<StaffView> staff(UUID departmentAdmin) {
        return staff.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN).stream()
                .flatMap(unit -> staff.staffOf(unit, true).stream())
                .toList();
    }

    /**
     * A department admin posts an existing account (found by ID number, phone or login name) to their own
     * department as an official. Only the official role can be given this way, and only to an account that holds
     * no console role (manager, operator, auditor: 三员 stay apart from handling cases) and no post in another
     * department (that department withdraws it first). Refusals are audited.
     */
    @Transactional
    public UUID appointOfficial(UUID departmentAdmin, String identifier, String staffNo, String post) {
        var units = staff.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN);
        if (units.isEmpty()) throw new AccountNotFoundException(departmentAdmin);
        var unit = units.getFirst();
        var errors = new HashMap<String, String>();
        var target = accounts.findByIdentifier(identifier == null ? "" : identifier);
        if (target.isEmpty()) errors.put("identifier", "identity.staff.unknownAccount");
        var cleanStaffNo = staffNo == null ? "" : staffNo.strip();
        var cleanPost = post == null ? "" : post.strip();
        if (!cleanStaffNo.matches("^[A-Za-z0-9-]{2,32}$")) errors.put("staffNo", "identity.staff.staffNoFormat");
        if (cleanPost.isEmpty() || cleanPost.length() > 50) errors.put("post", "identity.staff.postRequired");
        if (target.isPresent()) {
            var id = target.get().id();
            if (accounts.rolesOf(id).stream().anyMatch(CONSOLE_ROLES::contains)) {
                errors.put("identifier", "identity.staff.consoleRole");
            } else if (staff.staffUnitsOf(id).stream().anyMatch(u -> !u.equals(unit))) {
                errors.put("identifier", "identity.staff.otherDepartment");
            }
            if (errors.containsKey("identifier")) {
                audit.recordNow(AuditRecord.failure(
                        IdentityAudit.ROLE_GRANTED,
                        departmentAdmin.toString(),
                        id.toString(),
                        Map.of(
                                "role",
                                Role.OFFICIAL.name(),
                                "orgUnit",
                                unit.toString(),
                                "reason",
                                errors.get("identifier").equals("identity.staff.consoleRole")
                                        ? "CONSOLE_ROLE"
                                        : "OTHER_DEPARTMENT")));
            }
        }
        if (target.isPresent()
                && errors.isEmpty()
                && staff.staffNoTakenByOther(cleanStaffNo, target.get().id())) {
            errors.put("staffNo", "identity.staff.staffNoTaken");
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var id = target.get().id();
        staff.postOfficial(id, unit, cleanStaffNo, cleanPost);
        accounts.grantRole(id, Role.OFFICIAL, unit, departmentAdmin);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.ROLE_GRANTED,
                departmentAdmin.toString(),
                id.toString(),
                Map.of("role", Role.OFFICIAL.name(), "orgUnit", unit.toString())));
        staff.postedOfficials(id)
                .forEach(p -> events.publishEvent(
                        new OfficialAppointed(id, p.name(), p.departmentCode(), p.post(), Instant.now())));
        return id;
    }

    /**
     * A department admin withdraws the official role from a member of their own department. Never from
     * themselves: they would lock themselves out of the department (another admin does it); refused and audited.
     */
    @Transactional
    public boolean withdrawOfficial(UUID departmentAdmin, UUID official) {
        if (departmentAdmin.equals(official)) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.ROLE_REVOKED,
                    departmentAdmin.toString(),
                    official.toString(),
                    Map.of("role", Role.OFFICIAL.name(), "reason", "SELF")));
            throw new StaffRefusedException("identity.staff.notYourself");
        }
        for (var unit : staff.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN)) {
            if (staff.revokeRole(official, Role.OFFICIAL, unit)) {
                events.publishEvent(AuditRecord.success(
                        IdentityAudit.ROLE_REVOKED,
                        departmentAdmin.toString(),
                        official.toString(),
                        Map.of("role", Role.OFFICIAL.name(), "orgUnit", unit.toString())));
                staff.unitCode(unit)
                        .ifPresent(code -> events.publishEvent(new OfficialWithdrawn(official, code, Instant.now())));
                return true;
            }
        }
        return false;
    }
}
