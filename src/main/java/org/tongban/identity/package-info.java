/**
 * One identity for everyone: natural persons (citizen ID number), legal persons (unified social credit code) and
 * officials in organisation units; their accounts, trust levels, passwords, one-time codes, passkeys, sessions and
 * roles; and the platform's OAuth2 authorization server that issues bearer tokens to the mobile apps.
 * Owns the {@code identity} schema. API, only what other modules use: {@link org.tongban.identity.Persons} (profiles,
 * own facts, audited reads of another person), {@link org.tongban.identity.Departments} (departments and their
 * officials), {@link org.tongban.identity.Role}, the {@code *View} records, the events in this package, the ports
 * {@link org.tongban.identity.CaseRelations}, {@link org.tongban.identity.PopulationRegister},
 * {@link org.tongban.identity.MarketEntityRegister} and {@link org.tongban.identity.FaceVerification}. Registration,
 * sign-in codes, the holder's credentials, the operator's desk and staff appointments are used by this module's own
 * pages only and live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "notifications"})
@org.jspecify.annotations.NullMarked
package org.tongban.identity;
