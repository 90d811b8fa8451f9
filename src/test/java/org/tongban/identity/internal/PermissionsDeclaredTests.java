package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.tongban.IntegrationTest;
import org.tongban.identity.Role;
import org.tongban.shared.Permission;
import org.tongban.shared.SecurityRules;

/**
 * Every permission the code checks is declared by a module, every declared one is granted or says why not, and the
 * grants are those the platform had before the modules owned their permissions (ADR 0019).
 */
class PermissionsDeclaredTests extends IntegrationTest {

    private static final Pattern AUTHORITY = Pattern.compile("(?:hasAuthority|can\\.has)\\(\\s*'([^']+)'\\s*\\)");
    private static final Pattern ANY_AUTHORITY = Pattern.compile("hasAnyAuthority\\(([^)]*)\\)");
    private static final List<JavaClass> MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tongban").stream()
                    .toList();

    @Autowired
    List<SecurityRules> modules;

    @Autowired
    RolePermissions permissions;

    /** Every permission enum's constants, by authority. */
    private static Map<String, Enum<?>> declared() {
        var declared = new HashMap<String, Enum<?>>();
        MAIN.stream()
                .filter(c -> c.isEnum() && c.isAssignableTo(Permission.class))
                .forEach(c -> {
                    for (var constant : c.reflect().getEnumConstants()) {
                        var previous = declared.put(((Permission) constant).authority(), (Enum<?>) constant);
                        assertThat(previous).as("declared twice: " + constant).isNull();
                    }
                });
        return declared;
    }

    private static Set<String> named(String text) {
        var names = new TreeSet<String>();
        AUTHORITY.matcher(text).results().forEach(m -> names.add(m.group(1)));
        ANY_AUTHORITY
                .matcher(text)
                .results()
                .forEach(m -> Stream.of(m.group(1).split(","))
                        .map(s -> s.strip().replace("'", ""))
                        .forEach(names::add));
        return names;
    }

    private static Set<String> namedByMethodSecurity() {
        var names = new TreeSet<String>();
        for (var c : MAIN) {
            var elements = new ArrayList<AnnotatedElement>();
            elements.add(c.reflect());
            c.getMethods().forEach(m -> elements.add(m.reflect()));
            for (var element : elements) {
                var pre = element.getAnnotation(PreAuthorize.class);
                if (pre != null) names.addAll(named(pre.value()));
                var post = element.getAnnotation(PostAuthorize.class);
                if (post != null) names.addAll(named(post.value()));
            }
        }
        return names;
    }

    private static Set<String> namedByTemplates() throws IOException {
        var names = new TreeSet<String>();
        try (var files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                names.addAll(named(Files.readString(file)));
            }
        }
        return names;
    }

    @Test
    void everyPermissionThatIsCheckedIsDeclared() throws IOException {
        var declared = declared().keySet();
        var checked = new TreeSet<String>();
        checked.addAll(namedByMethodSecurity());
        checked.addAll(namedByTemplates());
        checked.addAll(
                TokenScopes.permissionsOf(List.of("openid", "profile", TokenScopes.CITIZEN, TokenScopes.BUSINESS)));
        // Not a permission: the mark of a staff session that has proved one factor (Factors).
        checked.remove(Factors.SECOND_FACTOR_REQUIRED);
        assertThat(checked).isNotEmpty();
        assertThat(declared).containsAll(checked);
    }

    /** URL rules name permissions through the enums, so a rule cannot name an undeclared one. */
    @Test
    void urlRulesNameTheirPermissionsByTheEnums() throws IOException {
        var offenders = new ArrayList<String>();
        try (var files = Files.walk(Path.of("src/main/java/org/tongban"))) {
            for (var file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var text = Files.readString(file);
                boolean rules = text.contains("implements SecurityRules") || text.contains("SecurityFilterChain");
                if (rules
                        && Pattern.compile("has(Any)?Authority\\(\\s*\"")
                                .matcher(text)
                                .find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyModuleListsItsPermissionsInItsSecurityRules() {
        var listed = new HashSet<Enum<?>>();
        modules.forEach(m -> m.permissions().forEach(p -> listed.add((Enum<?>) p)));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(declared().values());
    }

    @Test
    void everyDeclaredPermissionIsGrantedOrSaysWhyNot() throws NoSuchFieldException {
        var ungranted = new ArrayList<String>();
        for (var entry : declared().entrySet()) {
            var constant = entry.getValue();
            boolean documented = constant.getDeclaringClass()
                    .getField(constant.name())
                    .isAnnotationPresent(Permission.NotGranted.class);
            if (!permissions.granted().contains(entry.getKey()) && !documented) ungranted.add(entry.getKey());
        }
        assertThat(ungranted).isEmpty();
    }

    /** First match wins: the portal's {@code /console/**} must come after {@code /console/audit/**}. */
    @Test
    void theChannelsCatchAllsComeAfterEveryModulesOwnRules() {
        var ordered = SecurityConfiguration.inOrder(modules);
        assertThat(ordered.getLast().order()).isEqualTo(SecurityRules.CHANNELS);
        assertThat(ordered.getLast().getClass().getName()).isEqualTo("org.tongban.portal.internal.PortalSecurity");
        assertThat(ordered.subList(0, ordered.size() - 1)).allMatch(m -> m.order() == SecurityRules.MODULE);
    }

    @Test
    void permissionsAreNamedModuleColonOperation() {
        assertThat(declared().keySet()).allMatch(a -> a.matches("^[a-z]+:[a-z-]+$"));
    }

    /** The matrix as Role.java held it before the modules declared their permissions: the grants did not move. */
    @Test
    void eachRoleHoldsWhatItHeldBefore() {
        var own = Set.of("identity:read-own", "identity:update-own", "notifications:read-own");
        var before = new EnumMap<Role, Set<String>>(Role.class);
        // Since then (issue 12, ADR 0030): citizens and enterprise users may claim an enterprise they represent.
        // (issue 13, ADR 0040): officials and department admins read their unified to-do (workbench:todo).
        // (issue 12 part 4, ADR 0041): citizens and enterprise users submit requests, officials handle them.
        // (issue 14 part 5, ADR 0042): citizens see their health code; officials print cards at the window (the
        // health department only) and register venues, department admins register venues.
        before.put(
                Role.CITIZEN,
                union(
                        own,
                        "channel:citizen",
                        "licenses:read-own",
                        "licenses:show",
                        "licenses:grant",
                        "identity:enterprise-claim",
                        "exchange:own-data",
                        "appeals:submit",
                        "healthcode:own"));
        before.put(
                Role.ENTERPRISE_USER,
                union(
                        own,
                        "channel:business",
                        "licenses:read-own",
                        "licenses:show",
                        "licenses:grant",
                        "identity:enterprise-claim",
                        "policies:read-own",
                        "appeals:submit"));
        before.put(
                Role.OFFICIAL,
                union(
                        own,
                        "channel:office",
                        "identity:person-read",
                        "cases:handle",
                        "ratings:rectify",
                        "licenses:issue",
                        "licenses:status",
                        "licenses:read-granted",
                        "exchange:manage",
                        "documents:read",
                        "documents:handle",
                        "documents:sign",
                        "workbench:todo",
                        "appeals:handle",
                        "healthcode:counter",
                        "healthcode:venues",
                        "notices:read",
                        "directory:view",
                        "directory:edit-own"));
        before.put(
                Role.DEPARTMENT_ADMIN,
                union(
                        own,
                        "channel:office",
                        "identity:person-read",
                        "identity:department-manage",
                        "cases:handle",
                        "cases:supervise",
                        "ratings:rectify",
                        "licenses:issue",
                        "licenses:status",
                        "licenses:read-granted",
                        "exchange:manage",
                        "documents:read",
                        "documents:handle",
                        "documents:sign",
                        "workbench:todo",
                        "policies:publish",
                        "appeals:handle",
                        "insight:department",
                        "healthcode:venues",
                        "notices:read",
                        "notices:send",
                        "directory:view",
                        "directory:edit-own"));
        before.put(
                Role.GOVERNMENT_MANAGER,
                union(
                        own,
                        "channel:console",
                        "portal:themes-write",
                        "portal:themes-read",
                        "catalog:items-write",
                        "platform:calendar-write",
                        "workflow:models-write",
                        "ratings:statistics",
                        "licenses:types-read",
                        "licenses:types-write",
                        "licenses:keys-approve",
                        "documents:short-names",
                        "insight:province"));
        before.put(
                Role.PLATFORM_OPERATOR,
                union(
                        own,
                        "channel:console",
                        "platform:settings-write",
                        "platform:settings-read",
                        "identity:accounts-unlock",
                        "licenses:keys",
                        "licenses:keys-approve",
                        "notifications:deliveries"));
        before.put(
                Role.AUDITOR, Set.of("identity:read-own", "notifications:read-own", "channel:console", "audit:read"));
        for (var role : Role.values())
            assertThat(permissions.of(role)).as(role.name()).isEqualTo(before.get(role));
    }

    private static Set<String> union(Set<String> a, String... b) {
        var all = new HashSet<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
