package org.tongban.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The words for the objects of the trail that a module names by a code of its own (a data resource of the exchange,
 * a licence type), so that the auditor reads 人口基本信息, not {@code POPULATION_BASIC} (a port: the module that owns
 * the codes implements it; accounts and departments are {@link ActorDirectory}'s).
 */
public interface SubjectNames {

    /** The name of each subject that is one of this module's codes, in the reader's language; others left out. */
    Map<String, String> names(Collection<String> subjects, Locale locale);
}
