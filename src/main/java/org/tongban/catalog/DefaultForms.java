package org.tongban.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/** The form templates under {@code catalog/forms/}: the demo items' forms, and the default for items without one. */
public final class DefaultForms {

    private static final ConcurrentHashMap<String, FormDefinition> TEMPLATES = new ConcurrentHashMap<>();

    private DefaultForms() {}

    /** A template by name ({@code person-basic}, {@code enterprise-setup}, …). */
    public static FormDefinition template(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            try (var in = new ClassPathResource("catalog/forms/" + n + ".json").getInputStream()) {
                return FormDefinition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("No form template " + n, e);
            }
        });
    }

    /** The simple form of an item without its own: for enterprises when offered only to them, else for persons. */
    public static FormDefinition forChannels(List<String> channels) {
        return template(channels.contains("PERSON") ? "person-basic" : "enterprise-basic");
    }
}
