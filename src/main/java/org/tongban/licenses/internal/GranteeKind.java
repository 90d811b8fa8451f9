package org.tongban.licenses.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * To whom a use authorisation (用证授权) lets a license be read. The constants are the values stored in
 * {@code licenses.use_grant.grantee_kind}, so they must not be renamed.
 */
public enum GranteeKind {
    /** A department, named by its code. */
    DEPARTMENT,
    /** Whoever handles a service item, named by the item's code. */
    ITEM;

    /** The kind a request names, in any letter case and with spaces around; null when it names none. */
    static @Nullable GranteeKind parse(@Nullable String value) {
        var name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (var kind : values()) {
            if (kind.name().equals(name)) return kind;
        }
        return null;
    }
}
