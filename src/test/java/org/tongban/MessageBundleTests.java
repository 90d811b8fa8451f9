package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every key; templates contain no literal text; every key a template uses exists. */
class MessageBundleTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])(?:\\(|\\})");
    // Text between tags, and user-visible attribute values, must come from #{…}.
    static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]+)<");
    static final Pattern VISIBLE_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");
    static final Pattern LETTERS = Pattern.compile("[\\p{IsHan}A-Za-z]");

    /** The bundles named in application.yml: one per module that has its own texts, besides the shared one. */
    static final List<String> BUNDLES = bundles();

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        for (var bundle : BUNDLES) {
            assertThat(keys(bundle + "_en.properties"))
                    .as(bundle)
                    .containsExactlyInAnyOrderElementsOf(keys(bundle + ".properties"));
        }
    }

    /** A key written twice in one file keeps only its last text: the first is silently never shown. */
    @Test
    void noKeyIsWrittenTwiceInOneFile() throws IOException {
        var twice = new TreeSet<String>();
        for (var bundle : BUNDLES) {
            for (var file : List.of(bundle + ".properties", bundle + "_en.properties")) {
                var seen = new java.util.HashSet<String>();
                for (var line : Files.readAllLines(Path.of("src/main/resources", file))) {
                    var equals = line.indexOf('=');
                    if (line.isBlank() || line.startsWith("#") || line.startsWith(" ") || equals < 1) continue;
                    var key = line.substring(0, equals).strip();
                    if (!seen.add(key)) twice.add(key + " in " + file);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        var seen = new java.util.HashMap<String, String>();
        var twice = new TreeSet<String>();
        for (var bundle : BUNDLES) {
            for (var key : keys(bundle + ".properties")) {
                var before = seen.put(key, bundle);
                if (before != null) twice.add(key + " in " + before + " and " + bundle);
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void templatesContainNoLiteralText() throws IOException {
        var problems = new ArrayList<String>();
        for (var template : templates()) {
            var html = Files.readString(template)
                    .replaceAll("(?s)<script.*?</script>", "<script></script>")
                    .replaceAll("(?s)<style.*?</style>", "<style></style>")
                    .replaceAll("(?s)<!--.*?-->", "");
            var text = TEXT_BETWEEN_TAGS.matcher(html);
            while (text.find()) {
                if (LETTERS.matcher(text.group(1)).find())
                    problems.add(template + ": text '" + text.group(1).strip() + "'");
            }
            var attribute = VISIBLE_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                var name = attribute.group(1);
                var value = attribute.group(2);
                // A form's hidden or boolean value is data, not text; only text a person reads counts.
                if (name.equals("value")) continue;
                if (LETTERS.matcher(value).find()) problems.add(template + ": " + name + "='" + value + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        var known = new TreeSet<String>();
        for (var bundle : BUNDLES) known.addAll(keys(bundle + ".properties"));
        var missing = new TreeSet<String>();
        for (var template : templates()) {
            var m = KEY_IN_TEMPLATE.matcher(Files.readString(template));
            while (m.find()) {
                if (!known.contains(m.group(1))) missing.add(template.getFileName() + ": " + m.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> bundles() {
        try {
            var yml = Files.readString(Path.of("src/main/resources/application.yml"));
            var m = Pattern.compile("basename: (\\S+)").matcher(yml);
            assertThat(m.find()).isTrue();
            return List.of(m.group(1).split(","));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        var properties = new Properties();
        try (var in = MessageBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
