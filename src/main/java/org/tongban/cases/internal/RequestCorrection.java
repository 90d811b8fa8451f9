package org.tongban.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CorrectionPoint;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemView;

/**
 * An official asks for a correction (补正) naming what is to be corrected: at least one material or form answer of
 * the case's item, each with a reason. The points are kept for the applicant's correction page; the reasons, with
 * the names, become the request's text on the timeline that the applicant sees. Checked before anything is written;
 * the case's own checks (its step, a pause) are those of every action ({@link ActOnCase}).
 */
@Component
public class RequestCorrection {

    private final CaseRepository cases;
    private final Officials officials;
    private final CatalogManagement catalog;
    private final ActOnCase acting;
    private final CorrectionPoints points;
    private final TimeLimits limits;

    RequestCorrection(
            CaseRepository cases,
            Officials officials,
            CatalogManagement catalog,
            ActOnCase acting,
            CorrectionPoints points,
            TimeLimits limits) {
        this.cases = cases;
        this.officials = officials;
        this.catalog = catalog;
        this.acting = acting;
        this.points = points;
        this.limits = limits;
    }

    @Transactional
    public CaseStatus request(UUID official, String number, List<CorrectionPoint> picked, @Nullable String note) {
        // Another department's case is not found before anything about the picks is said.
        var kase = cases.lock(number, officials.departmentOf(official));
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        var errors = new LinkedHashMap<String, String>();
        var named = new ArrayList<CorrectionPointView>();
        for (var p : picked) {
            var label = labelOf(item, p);
            if (label == null) {
                errors.put("corrections", "cases.error.correctionUnknown");
                continue;
            }
            var reason = p.reason() == null ? "" : p.reason().strip();
            if (reason.isEmpty()) errors.put("reason." + p.key(), "cases.error.correctionReasonMissing");
            else if (reason.length() > CorrectionPoint.REASON_MAX)
                errors.put("reason." + p.key(), "cases.error.correctionReasonTooLong");
            else if (named.stream()
                    .noneMatch(n -> n.kind().equals(p.kind()) && n.target().equals(p.target())))
                named.add(new CorrectionPointView(
                        String.valueOf(p.kind()), String.valueOf(p.target()), label[0], label[1], reason));
        }
        if (picked.isEmpty()) errors.put("corrections", "cases.error.correctionNothingPicked");
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        var status = acting.act(official, number, CaseAction.REQUEST_CORRECTION, text(named, note));
        points.request(number, named, official.toString(), limits.now());
        return status;
    }

    /** The request's text as the timeline keeps it: each point with its reason, then the note. */
    static String text(List<CorrectionPointView> named, @Nullable String note) {
        var text = new StringBuilder();
        for (var p : named) {
            if (!text.isEmpty()) text.append('\n');
            text.append(p.material() ? "材料" : "")
                    .append('「')
                    .append(p.labelZh())
                    .append("」：")
                    .append(p.reason());
        }
        if (note != null && !note.isBlank()) text.append('\n').append(note.strip());
        return text.toString();
    }

    /** The Chinese and English name of what a point names, or null when the item has no such material or question. */
    private static String @Nullable [] labelOf(ItemView item, CorrectionPoint p) {
        if (p.target() == null) return null;
        if (CorrectionPoint.MATERIAL.equals(p.kind())) {
            return item.materials().stream()
                    .filter(m -> !m.source().equals("GOVERNMENT")
                            && Integer.toString(m.seq()).equals(p.target()))
                    .findFirst()
                    .map(m -> new String[] {m.name(), m.name()})
                    .orElse(null);
        }
        if (CorrectionPoint.FIELD.equals(p.kind())) {
            return item.form().fields().stream()
                    .filter(f -> f.name().equals(p.target()))
                    .findFirst()
                    .map(f -> new String[] {f.label(Locale.CHINESE), f.label(Locale.ENGLISH)})
                    .orElse(null);
        }
        return null;
    }
}
