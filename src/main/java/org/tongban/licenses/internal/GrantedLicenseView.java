package org.tongban.licenses.internal;

/** A license's data as an official reads it through a use authorisation, with the authorisation. */
public record GrantedLicenseView(GrantView grant, LicenseView license) {}
