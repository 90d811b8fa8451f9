package org.tongban.exchange.internal;

/** Whom a resource's records are about: a person (by ID number) or an enterprise (by unified social credit code). */
public enum SubjectKind {
    PERSON,
    ENTERPRISE
}
