package org.tongban.identity;

import java.util.UUID;

/** An official's post in an organisation unit (department). */
public record OfficialView(
        String staffNo, String post, UUID orgUnitId, String orgUnitCode, String orgUnitNameZh, String orgUnitNameEn) {}
