package org.tongban.identity;

import java.util.UUID;

/**
 * An enterprise became a party on Tongban, with an account acting for it as its legal representative: claimed by
 * its registered legal representative (ADR 0030), or founded by an approved 企业设立登记, which entered it in the
 * market-entity register with a new credit code (ADR 0030, addendum). Published after the enterprise, the grant and
 * the role are written, in the same transaction; listeners (the policy matcher, for one) hear it after the commit.
 * Carries public values and an id only: the credit code and name are public, the account is an id.
 *
 * @param creditCode the enterprise's unified social credit code
 * @param name its registered name
 * @param legalRepresentative the account of its legal representative
 */
public record EnterpriseRegistered(String creditCode, String name, UUID legalRepresentative) {}
