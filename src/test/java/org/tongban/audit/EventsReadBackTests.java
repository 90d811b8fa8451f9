package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.ClassUtils;
import org.tongban.IntegrationTest;
import org.tongban.cases.CaseAudit;

/**
 * Every audited event is kept in the event publication table until the trail has it, and is read back from there
 * when it is delivered again (at the next start, or a retry). So every event must survive the platform's own
 * serializer: one that cannot be read back stops the node's next start (as the audit code once did).
 */
class EventsReadBackTests extends IntegrationTest {

    @Autowired
    EventSerializer serializer;

    @Test
    void everyAuditedEventIsReadBackAsItWasWritten() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Audited.class));
        var refused = new ArrayList<String>();
        var checked = 0;
        for (var candidate : scanner.findCandidateComponents("org.tongban")) {
            var type = ClassUtils.forName(
                    String.valueOf(candidate.getBeanClassName()), getClass().getClassLoader());
            if (!type.isRecord() || type.getName().contains("Test")) continue;
            var event = sample(type);
            try {
                var back = serializer.deserialize(serializer.serialize(event), type);
                if (!event.equals(back)) refused.add(type.getName() + ": read back as " + back);
            } catch (RuntimeException e) {
                refused.add(type.getName() + ": " + e.getMessage());
            }
            checked++;
        }
        assertThat(refused).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(16);
    }

    private static Object sample(Class<?> type) throws Exception {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], components[i].getGenericType());
        }
        var constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object value(RecordComponent component, Type generic) throws Exception {
        return value(generic, component.getName());
    }

    private static Object value(Type generic, String name) throws Exception {
        var raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (raw == String.class) return "样例-" + name;
        if (raw == int.class || raw == Integer.class) return 3;
        if (raw == long.class || raw == Long.class) return 7L;
        if (raw == boolean.class || raw == Boolean.class) return true;
        if (raw == UUID.class) return UUID.nameUUIDFromBytes(name.getBytes(UTF8));
        if (raw == Instant.class) return Instant.parse("2026-12-03T08:00:00Z").truncatedTo(ChronoUnit.SECONDS);
        if (raw == LocalDate.class) return LocalDate.of(2026, 12, 3);
        if (raw == AuditCode.class) return CaseAudit.values()[0];
        if (raw.isEnum()) return raw.getEnumConstants()[0];
        if (raw == Optional.class) return Optional.empty();
        var arguments = generic instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (raw == Map.class) {
            return arguments.length == 2 ? Map.of(value(arguments[0], name), value(arguments[1], name)) : Map.of();
        }
        if (raw == List.class) return arguments.length == 1 ? List.of(value(arguments[0], name)) : List.of();
        if (raw == Set.class) return arguments.length == 1 ? Set.of(value(arguments[0], name)) : Set.of();
        if (raw.isRecord()) return sample(raw);
        throw new IllegalStateException("no sample for " + generic + " (" + name + ")");
    }

    private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;
}
