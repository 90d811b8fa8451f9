package org.tongban.cases.internal;

import java.util.Locale;
import org.tongban.shared.Bilingual;

/** A point of the open correction request, as the applicant and the officials see it: what, named, and why. */
public record CorrectionPointView(String kind, String target, String labelZh, String labelEn, String reason) {

    public String label(Locale locale) {
        return Bilingual.pick(locale, labelZh, labelEn);
    }

    public boolean material() {
        return kind.equals(org.tongban.cases.CorrectionPoint.MATERIAL);
    }
}
