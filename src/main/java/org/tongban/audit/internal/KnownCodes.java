package org.tongban.audit.internal;

import java.util.List;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.tongban.audit.AuditCode;

/**
 * Every audit code the platform can write: the constants of the enums that implement {@link AuditCode}, found once
 * at start-up, so that the auditor picks an event by its name instead of typing a constant.
 */
@Component
public class KnownCodes {

    private final List<String> codes;

    KnownCodes() {
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
        this.codes = List.copyOf(found);
    }

    /** The codes, sorted. */
    public List<String> all() {
        return codes;
    }
}
