package org.tongban.exchange.internal;

/** The sharing class of a field (国发〔2016〕51号): the stored strings are the names. */
public enum ShareClass {
    /** 无条件共享: any department with a grant reads it. */
    UNCONDITIONAL,
    /** 有条件共享: on an approved request; personal data also needs the data subject's consent (ADR 0033). */
    CONDITIONAL,
    /** 不予共享: never shared; a request naming it is refused. */
    NONE
}
