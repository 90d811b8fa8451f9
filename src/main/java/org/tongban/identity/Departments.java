package org.tongban.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.internal.StaffStore;

/**
 * The government departments and who works in them, as other modules need it: a department's names and credit
 * code (public information), its officials (for reminders) and an official's colleagues (for transfer,
 * co-signing). Posting and withdrawing officials is the department admin's, inside this module.
 */
@Service
public class Departments {

    private final StaffStore staff;

    Departments(StaffStore staff) {
        this.staff = staff;
    }

    /** The departments with their names and unified social credit codes (public information), by code. */
    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        return staff.departments();
    }

    /** One department by its code. */
    @Transactional(readOnly = true)
    public Optional<DepartmentView> department(String code) {
        return staff.departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * The code of the department in which the account holds an official's post; empty for anyone else, an unknown
     * account included. The one answer to "which department is this official in" for every module.
     */
    @Transactional(readOnly = true)
    public Optional<String> departmentOf(UUID accountId) {
        return staff.officialOf(accountId).map(OfficialView::orgUnitCode);
    }

    /** The accounts holding the official role in a department, by its code (for reminders to the department). */
    @Transactional(readOnly = true)
    public List<UUID> officialsOf(String orgUnitCode) {
        return staff.officialsOf(orgUnitCode);
    }

    /** The region tree and its departments (public information), parents before children. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> orgUnits() {
        return staff.orgUnits();
    }

    /**
     * Every official at work (holding the official or department admin role where posted), with the full name: what
     * the directory (通讯录) of officials is built from. Not for citizens' eyes.
     */
    @Transactional(readOnly = true)
    public List<PostedOfficial> postedOfficials() {
        return staff.postedOfficials(null);
    }

    /** The active officials of the official's own department other than the official (for transfer, co-signing). */
    @Transactional(readOnly = true)
    public List<StaffView> colleagues(UUID official) {
        var post = staff.officialOf(official);
        if (post.isEmpty()) return List.of();
        return staff.staffOf(post.get().orgUnitId(), false).stream()
                .filter(s -> s.active() && !s.accountId().equals(official))
                .toList();
    }

    /**
     * The full names of officials, by account, for the notices and meetings of colleagues in government (who read
     * and who replied): only accounts that hold an official's post are named; any other id is left out.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> officialNames(java.util.Collection<UUID> accounts) {
        return accounts.isEmpty() ? java.util.Map.of() : staff.officialNames(accounts);
    }
}
