package org.tongban.cases;

/** No such case, or not the caller's: the two are not told apart. */
// On a page, a 404 with the friendly error page; the JSON APIs map it themselves (their advices come first).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String number) {
        super("No case " + number);
    }
}
