package org.tongban.shared;

/** Sex as encoded in the citizen ID number (odd sequence = male); the register knows no other values. */
public enum Sex {
    MALE,
    FEMALE
}
