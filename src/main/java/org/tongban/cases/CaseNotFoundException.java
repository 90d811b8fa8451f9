package org.tongban.cases;

/** No such case, or not the caller's: the two are not told apart. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String number) {
        super("No case " + number);
    }
}
