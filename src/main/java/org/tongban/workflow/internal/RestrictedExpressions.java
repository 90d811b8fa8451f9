package org.tongban.workflow.internal;

import java.util.Map;
import org.flowable.common.engine.impl.el.DefaultExpressionManager;
import org.flowable.common.engine.impl.javax.el.BeanELResolver;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.ELResolver;
import org.flowable.common.engine.impl.javax.el.MethodNotFoundException;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The engine's expressions see no Spring beans but {@code slaReminders}, and call no method but
 * {@code slaReminders.remind(execution, kind)}: by default Flowable resolves every bean of the application context by
 * name and lets any expression call any public method of any object it reaches ({@code ''.getClass()…},
 * {@code execution.engineServices…}). This holds whatever a process model contains, so it is the second wall behind
 * the upload check (ADR 0004): a model that slipped through could still only read process variables, compare them and
 * read lists, maps, records and JSON values.
 */
@Component
class RestrictedExpressions implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final SlaReminders slaReminders;

    RestrictedExpressions(SlaReminders slaReminders) {
        this.slaReminders = slaReminders;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration configuration) {
        // A map of beans replaces the lookup of any bean in the application context.
        configuration.setBeans(Map.of("slaReminders", slaReminders));
        configuration.addExpressionManagerConfigurer(manager -> {
            if (!(manager instanceof DefaultExpressionManager expressions)) {
                throw new IllegalStateException(
                        "Unexpected expression manager " + manager.getClass().getName());
            }
            expressions.setBeanResolver(new OnlyReminders());
        });
    }

    /**
     * Stands where Flowable's {@link BeanELResolver} stands: reads no property of an arbitrary object (the engine then
     * reports it as unresolvable) and invokes {@link SlaReminders#remind} only.
     */
    static final class OnlyReminders extends ELResolver {

        private final BeanELResolver delegate = new BeanELResolver(true);

        @Override
        public @Nullable Object invoke(
                ELContext context, @Nullable Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base instanceof SlaReminders && "remind".equals(method))
                return delegate.invoke(context, base, method, paramTypes, params);
            throw new MethodNotFoundException("Process expressions may not call methods: " + method);
        }

        @Override
        public @Nullable Object getValue(ELContext context, @Nullable Object base, Object property) {
            return null;
        }

        @Override
        public @Nullable Class<?> getType(ELContext context, @Nullable Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, @Nullable Object base, Object property, Object value) {
            // Not resolved: expressions assign nothing.
        }

        @Override
        public boolean isReadOnly(ELContext context, @Nullable Object base, Object property) {
            return true;
        }

        @Override
        public @Nullable Class<?> getCommonPropertyType(ELContext context, @Nullable Object base) {
            return null;
        }
    }
}
