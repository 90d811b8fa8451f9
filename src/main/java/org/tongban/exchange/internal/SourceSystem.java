package org.tongban.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port of one department's system (数据源): the exchange reads a subject's record through it and nothing else
 * does. The demo's systems are tables in schemas of their own ({@link TableSource}); a real department system plugs
 * in over HTTP ({@link RestSource}).
 */
public interface SourceSystem {

    /** The source's code, named by the catalogue's resources (e.g. {@code population}). */
    String code();

    /** The code of the department whose system it is. */
    String department();

    SubjectKind subjectKind();

    /** The fields the system offers, in order, with their names in the system's own language. */
    List<SourceField> fields();

    /**
     * The subject's record, only the named fields (a subset of {@link #fields()}); empty when the system holds no
     * record of the subject.
     *
     * @param subject the ID number or the credit code, already validated
     */
    Optional<Map<String, String>> read(String subject, Set<String> fields);

    /** One field a source offers. */
    record SourceField(String code, String label) {}
}
