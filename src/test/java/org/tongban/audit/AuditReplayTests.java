package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.tongban.IntegrationTest;
import org.tongban.cases.CaseAudit;

/**
 * An audited event whose delivery did not finish (a crash, a failed append, or an event published outside a
 * transaction) is kept in the event publication table and delivered again at the next start. Its audit code is
 * declared as the {@link AuditCode} interface, which Jackson cannot read back by itself: before this was fixed the
 * replay failed, and with it the next start-up of the node.
 */
class AuditReplayTests extends IntegrationTest {

    @Autowired
    EventSerializer serializer;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditManagement audit;

    @Test
    void anAuditRecordIsReadBackFromItsStoredForm() {
        var record = AuditRecord.denied(CaseAudit.values()[0], "actor-1", "subject-1", Map.of("k", "v"));

        var stored = serializer.serialize(record);
        var back = serializer.deserialize(stored, AuditRecord.class);

        assertThat(back).isEqualTo(record);
        assertThat(back.code()).isSameAs(CaseAudit.values()[0]);
    }

    @Test
    void aCodeThatNoLongerExistsIsReadBackByItsNameInsteadOfFailing() {
        var stored = "{\"code\":\"A_CODE_REMOVED_SINCE\",\"actor\":null,\"subject\":\"s\",\"result\":\"SUCCESS\","
                + "\"details\":{}}";

        var back = serializer.deserialize(stored, AuditRecord.class);

        assertThat(back.code().name()).isEqualTo("A_CODE_REMOVED_SINCE");
        assertThat(back.subject()).isEqualTo("s");
    }

    @Test
    void anOutstandingAuditRecordIsDeliveredAgainAndReachesTheTrail() {
        var subject = "replayed-" + UUID.randomUUID();
        var record = AuditRecord.success(CaseAudit.values()[0], null, subject, Map.of());
        jdbc.sql("""
                insert into events.event_publication
                  (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                values (:id, :listener, :type, :event, :at, 'PUBLISHED', 1)""")
                .param("id", UUID.randomUUID())
                .param("listener", "org.tongban.audit.internal.AuditRecorder.on(org.tongban.audit.Audited)")
                .param("type", AuditRecord.class.getName())
                .param("event", serializer.serialize(record).toString())
                .param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
                .update();

        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof AuditRecord replayed
                && replayed.subject().equals(subject));

        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(200, null, null))
                        .extracting(AuditEntryView::subject)
                        .contains(subject));
    }
}
