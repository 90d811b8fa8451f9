package org.tongban.audit.internal;

import java.util.List;
import java.util.TreeSet;
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

    private volatile @Nullable List<String> codes;

    /** The codes, sorted. */
    public List<String> all() {
        var found = codes;
        if (found == null) {
            found = scan();
            codes = found;
        }
        return found;
    }

    private static List<String> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditCode.class));
        var found = new TreeSet<String>();
        for (var candidate : scanner.findCandidateComponents("org.tongban")) {
            var type = ClassUtils.resolveClassName(
                    String.valueOf(candidate.getBeanClassName()), KnownCodes.class.getClassLoader());
            var constants = type.getEnumConstants();
            if (constants == null) continue;
            for (var constant : constants) found.add(((AuditCode) constant).name());
        }
        return List.copyOf(found);
    }
}
