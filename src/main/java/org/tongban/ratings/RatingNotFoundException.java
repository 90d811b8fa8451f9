package org.tongban.ratings;

import java.util.Map;
import org.tongban.shared.Refusal;

/** No such case or rectification, or not the caller's: the two are not told apart. */
public class RatingNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public RatingNotFoundException(String what) {
        super(Kind.NOT_FOUND, "ratings.error.notFound", null, "Not found: " + what, Map.of());
    }
}
