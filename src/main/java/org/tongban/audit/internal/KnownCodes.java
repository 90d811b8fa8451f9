package org.tongban.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.tongban.audit.AuditCode;

/**
 * Every audit code the platform can write: the constants of the enums that implement {@link AuditCode}, found by
 * scanning the class path once, when the auditor first opens the trail (not at start-up, which every node pays), so
 * that the auditor picks an event by its name instead of typing a constant.
 */
@Component
public class KnownCodes {

    private volatile @Nullable Map<String, AuditCode> codes;

    /** The codes' names, sorted. */
    public List<String> all() {
        return List.copyOf(byName().keySet());
    }

    /** The constant of that name, if an enum declares one (names are unique: {@code AuditEventsDocumentedTests}). */
    public Optional<AuditCode> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    private Map<String, AuditCode> byName() {
        var found = codes;
        if (found == null) {
            found = scan();
            codes = found;
        }
        return found;
    }

    private static Map<String, AuditCode> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditCode.class));
        var found = new TreeMap<String, AuditCode>();
        for (var candidate : scanner.findCandidateComponents("org.tongban")) {
            var type = ClassUtils.resolveClassName(
                    String.valueOf(candidate.getBeanClassName()), KnownCodes.class.getClassLoader());
            var constants = type.getEnumConstants();
            if (constants == null) continue;
            for (var constant : constants) found.putIfAbsent(((AuditCode) constant).name(), (AuditCode) constant);
        }
        return java.util.Collections.unmodifiableSortedMap(found);
    }
}
