/**
 * Official documents (公文, DOMAIN.md 10): outgoing documents of the 15 types of Art. 8 drafted with the GB/T 9704
 * elements, checked (核稿), countersigned by invited departments (会签), signed by a leader of the issuing department
 * (签发), numbered without gaps or duplicates (ADR 0028), rendered as a GB/T 9704 PDF and sealed with the
 * department's SM2 key from the licenses module's key custody (ADR 0029), dispatched inside the platform; incoming
 * documents signed for (签收), proposed (拟办), instructed (批办), handled (承办) and concluded (办结); the archive and
 * the completion rate (办结率). Owns the {@code documents} schema.
 *
 * <p>API: the document types, the permissions, the audit codes and the exceptions. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "licenses", "verifier", "platform", "workbench"})
@org.jspecify.annotations.NullMarked
package org.tongban.documents;
