package org.tongban.audit;

import java.util.Map;

/** An audited event of the tests' own (code {@code TEST_EVENT}), on the subject given, with one detail. */
public record TestAudited(String subject) implements Audited {

    public enum TestCode implements AuditCode {
        TEST_EVENT
    }

    @Override
    public AuditCode auditCode() {
        return TestCode.TEST_EVENT;
    }

    @Override
    public String auditActor() {
        return "test";
    }

    @Override
    public String auditSubject() {
        return subject;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("k", "v");
    }
}
