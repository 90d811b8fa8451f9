package org.tongban.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditQuery;

/**
 * What relatives did for a person (ADR 0043): the audit trail's {@code FAMILY_ACTED} and {@code FAMILY_OUT_OF_SCOPE}
 * entries whose subject is the person, read through the audit module's own query, with the relative's name.
 */
@Component
public class FamilyActivity {

    private static final Pattern FIELD = Pattern.compile("(?m)^(grant|what|request|case)=(.*)$");

    private final AuditManagement audit;
    private final FamilyStore store;

    FamilyActivity(AuditManagement audit, FamilyStore store) {
        this.audit = audit;
        this.store = store;
    }

    /** One thing a relative did (or was refused) for the person. */
    public record Entry(
            Instant at,
            String relativeName,
            String what,
            String result,
            @Nullable String caseNumber) {}

    /** The person's activity, newest first; of one grant only when {@code grant} is given (it must be theirs). */
    @Transactional(readOnly = true)
    public List<Entry> of(UUID principal, @Nullable UUID grant) {
        Map<UUID, FamilyStore.Grant> grants = store.all(principal).stream()
                .filter(g -> g.principal().equals(principal))
                .collect(Collectors.toMap(FamilyStore.Grant::id, Function.identity()));
        return audit.search(new AuditQuery(null, null, null, null, principal.toString(), null, null), 500).stream()
                .filter(e -> e.code().equals("FAMILY_ACTED") || e.code().equals("FAMILY_OUT_OF_SCOPE"))
                .map(e -> {
                    String id = null, what = "REFUSED", request = "", number = null;
                    var m = FIELD.matcher(e.details());
                    while (m.find()) {
                        switch (m.group(1)) {
                            case "grant" -> id = m.group(2);
                            case "what" -> what = m.group(2);
                            case "case" -> number = m.group(2);
                            default -> request = m.group(2);
                        }
                    }
                    var g = id == null ? null : grants.get(UUID.fromString(id));
                    if (g == null || (grant != null && !g.id().equals(grant))) return null;
                    if (e.code().equals("FAMILY_OUT_OF_SCOPE")) what = "REFUSED";
                    return new Entry(
                            e.occurredAt(),
                            g.relativeName(),
                            what,
                            e.result(),
                            number != null ? number : caseNumber(request));
                })
                .filter(java.util.Objects::nonNull)
                .limit(100)
                .toList();
    }

    private static @Nullable String caseNumber(String request) {
        var m = Pattern.compile("/cases/([A-Za-z0-9-]{6,60})").matcher(request);
        return m.find() && !m.group(1).equals("uploads") && !m.group(1).equals("drafts") ? m.group(1) : null;
    }
}
