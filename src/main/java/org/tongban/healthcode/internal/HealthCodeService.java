package org.tongban.healthcode.internal;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.tongban.exchange.SubjectReads;
import org.tongban.healthcode.HealthCodes;
import org.tongban.identity.Persons;

/**
 * The health code of a person ({@link HealthCodes}): the health department's records read through the exchange
 * (resource {@code HEALTH_RECORDS}, every read in the exchange's signed call log, shown to the person on
 * {@code /citizen/data}), then {@link HealthRules}. A person of whom the department holds no record is green.
 */
@Service
public class HealthCodeService implements HealthCodes {

    static final String RESOURCE = "HEALTH_RECORDS";

    private final SubjectReads reads;
    private final Persons persons;
    private final Clock clock;
    private final String department;

    HealthCodeService(
            SubjectReads reads,
            Persons persons,
            Clock clock,
            @Value("${tongban.healthcode.department:440100-WJ}") String department) {
        this.reads = reads;
        this.persons = persons;
        this.clock = clock;
        this.department = department;
    }

    /** The department that runs the health code and signs its tokens. */
    public String department() {
        return department;
    }

    @Override
    public Code codeOf(String idNumber, UUID reader, String purpose) {
        var record = reads.readForSubject(
                new SubjectReads.Read("healthcode", department, RESOURCE, idNumber, HealthRecords.FIELDS, purpose));
        return HealthRules.assess(record.map(HealthRecords::parse).orElse(HealthRecords.NONE), clock.instant());
    }

    /** The signed-in citizen: their name and ID number from identity (only for themself). */
    public Map<String, String> self(UUID account) {
        return persons.ownFacts(account);
    }

    /** The signed-in citizen's own code. */
    public Person own(UUID account, String purpose) {
        return person(account, account, purpose);
    }

    /**
     * The code of the person of this account, read by {@code reader}: the person themself, or a relative whose family
     * grant the caller has checked ({@link FamilyCodes}).
     */
    Person person(UUID account, UUID reader, String purpose) {
        var facts = self(account);
        var id = facts.get("idNumber");
        var name = facts.getOrDefault("name", "");
        if (id == null) throw org.tongban.healthcode.HealthCodeRefusedException.notFound();
        return new Person(name, id, codeOf(id, reader, purpose));
    }

    /** A person and their code. */
    public record Person(String name, String idNumber, Code code) {}
}
