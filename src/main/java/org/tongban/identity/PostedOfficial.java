package org.tongban.identity;

import java.util.UUID;

/**
 * An official at work in a department: the account, the name in full (officials see each other's names in the
 * directory), the department's code and the post. What the directory (通讯录) is built from.
 */
public record PostedOfficial(UUID accountId, String name, String departmentCode, String post) {}
