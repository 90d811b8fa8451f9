package org.tongban.ratings;

/** No such case or rectification, or not the caller's: the two are not told apart. */
// On a page, a 404 with the friendly error page; the JSON APIs map it themselves (their advices come first).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class RatingNotFoundException extends RuntimeException {
    public RatingNotFoundException(String what) {
        super("Not found: " + what);
    }
}
