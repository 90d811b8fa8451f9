package org.tongban.licenses.internal;

import org.tongban.licenses.LicenseStatus;

/**
 * A use authorisation to the official's department, as their list shows it before anything is read: the grant, the
 * license's type and holder (masked as in any list) and the license's status. Opening it reads the data, logged and
 * audited ({@link LicenseGrants#read}).
 */
public record DepartmentGrantView(
        GrantView grant, String typeNameZh, String typeNameEn, String holderNameMasked, LicenseStatus licenseStatus) {}
