package org.tongban.identity.internal;

/** Self-registration by a natural person: ID number, name, phone and a password. Gives trust level 2. */
public record RegisterCitizen(String idNumber, String name, String phone, String password) {}
