/**
 * The platform itself: where the data lives (embedded or external PostgreSQL), the keys that protect personal
 * data, and the settings that the operator (运) may change. Owns the {@code platform} schema.
 * API: {@link org.tongban.platform.FieldProtection}, {@link org.tongban.platform.PlatformManagement} and its events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
@org.jspecify.annotations.NullMarked
package org.tongban.platform;
