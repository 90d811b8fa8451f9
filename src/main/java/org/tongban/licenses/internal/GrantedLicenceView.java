package org.tongban.licenses.internal;

/** A licence's data as an official reads it through a use authorisation, with the authorisation. */
public record GrantedLicenceView(GrantView grant, LicenseView licence) {}
