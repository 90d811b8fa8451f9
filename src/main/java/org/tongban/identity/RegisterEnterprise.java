package org.tongban.identity;

import java.util.UUID;

/**
 * Found an entity on the approval of its registration (企业设立登记, 个体工商户设立登记): enter it in the
 * market-entity register with a new credit code and make the founder its legal representative on Tongban.
 *
 * @param caseNumber the approved case, which founds one entity however often its approval is delivered
 * @param founder the applicant's account, the legal representative (or operator) to be
 * @param category the credit code's entity category: {@code 1} 企业, {@code 2} 个体工商户
 * @param regionCode the registering department's administrative division (GB/T 2260), positions 3–8 of the code
 * @param bind whether the founder's account acts for it at once (a legal representative's grant and the enterprise
 *     role, as a claimed enterprise); when not, the founder, its registered representative, may claim it
 */
public record RegisterEnterprise(
        String caseNumber,
        UUID founder,
        String name,
        char category,
        String regionCode,
        String address,
        String industry,
        boolean bind) {}
