package org.tongban.documents.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tongban.documents.DocumentType;

/**
 * The GB/T 9704 elements an official writes (DOMAIN.md 10.4). The others come later: 发文字号 at signing (the number),
 * 签发人 from the signing leader, 印章 at sealing, 印发日期 at sealing. Recipients and countersigners are department
 * codes inside the platform.
 *
 * @param copyNumber 份号, required for a classified document
 * @param writtenOn 成文日期; the signing day when not given
 */
public record Draft(
        DocumentType type,
        @Nullable String copyNumber,
        @Nullable Classification classification,
        @Nullable String secrecyPeriod,
        @Nullable Urgency urgency,
        String issuerMark,
        String title,
        List<String> mainRecipients,
        String body,
        @Nullable String attachmentNote,
        String issuerSignature,
        @Nullable LocalDate writtenOn,
        SealKind sealKind,
        @Nullable String notes,
        @Nullable String attachments,
        List<String> ccRecipients,
        String printedBy,
        List<String> countersigners) {

    public Draft {
        mainRecipients = List.copyOf(mainRecipients);
        ccRecipients = List.copyOf(ccRecipients);
        countersigners = List.copyOf(countersigners);
    }

    /** 密级. */
    public enum Classification {
        SECRET("秘密"),
        CONFIDENTIAL("机密"),
        TOP_SECRET("绝密");

        private final String zh;

        Classification(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** 紧急程度. */
    public enum Urgency {
        URGENT("加急"),
        EXTRA_URGENT("特急");

        private final String zh;

        Urgency(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** 印章: sealed by the department, or issued without a seal (纪要 and the like). */
    public enum SealKind {
        SEALED,
        UNSEALED
    }
}
