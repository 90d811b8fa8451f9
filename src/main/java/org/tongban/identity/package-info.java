/**
 * One identity for everyone: natural persons (citizen ID number), legal persons (unified social credit code) and
 * officials in organisation units; their accounts, trust levels, passwords, one-time codes, passkeys, sessions and
 * roles; and the platform's OAuth2 authorization server that issues bearer tokens to the mobile apps.
 * Owns the {@code identity} schema. API: {@link org.tongban.identity.IdentityManagement}, {@link org.tongban.identity.Role},
 * the {@code *View} records, the events in this package, and the register ports
 * {@link org.tongban.identity.PopulationRegister} and {@link org.tongban.identity.MarketEntityRegister}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "notifications"})
@org.jspecify.annotations.NullMarked
package org.tongban.identity;
