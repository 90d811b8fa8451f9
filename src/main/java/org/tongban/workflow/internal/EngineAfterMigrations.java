package org.tongban.workflow.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine start after Flyway: the engine creates its tables in the {@code workflow} schema,
 * which the module's first migration creates. Started before, it would put them in the next schema on the path.
 */
@Component
class EngineAfterMigrations implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!factory.containsBeanDefinition("flywayInitializer")) return;
        for (var name : new String[] {"processEngine", "processEngineConfiguration"}) {
            if (factory.containsBeanDefinition(name)) {
                var definition = factory.getBeanDefinition(name);
                var existing = definition.getDependsOn();
                var dependsOn = existing == null
                        ? new String[] {"flywayInitializer"}
                        : java.util.stream.Stream.concat(
                                        java.util.Arrays.stream(existing),
                                        java.util.stream.Stream.of("flywayInitializer"))
                                .toArray(String[]::new);
                definition.setDependsOn(dependsOn);
            }
        }
    }
}
