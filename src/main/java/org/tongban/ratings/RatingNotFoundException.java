package org.tongban.ratings;

/** No such case or rectification, or not the caller's: the two are not told apart. */
public class RatingNotFoundException extends RuntimeException {
    public RatingNotFoundException(String what) {
        super("Not found: " + what);
    }
}
