package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemView;
import org.tongban.identity.Departments;
import org.tongban.identity.internal.AccountStore;
import org.tongban.workflow.WorkflowManagement;

/**
 * Issue 11, finding 12: every demo item (catalog/demo-items.psv) is handled to its end by the demo accounts the
 * README lists, on the real engine: the citizen (or the enterprise, for an item offered to enterprises only) files
 * it, an official of the department of each open step acts, and the decision is taken by one who did not accept
 * or review it (审批分离), as the rule of the platform demands.
 */
class DemoItemsHandledTests extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9]+)` \\|");

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    WorkflowManagement workflow;

    @Autowired
    Departments departments;

    @Autowired
    AccountStore accounts;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void everyDemoItemIsHandledToItsEndByTheReadmesDemoAccounts() throws IOException {
        var officials = readmeOfficialsByDepartment();
        var published = new LinkedHashMap<String, ItemView>();
        // The published version of each item: another test may have left a draft of a demo item as its newest.
        catalog.newestVersions()
                .forEach(i -> catalog.guide(i.code())
                        .ifPresent(g -> published.put(g.departmentCode() + "|" + g.nameZh(), g)));
        // A citizen of its own: approved items issue licenses to their applicant (a new ID card, a new household
        // register …), which would replace the demo citizen's, on which other tests rely.
        var citizen = Applications.citizen(context);
        var enterprise = id("enterprise");
        var stuck = new ArrayList<String>();
        int walked = 0;
        for (var demo : demoItems()) {
            var item = published.get(demo);
            // Another test may have withdrawn a demo item for a while; the rest must all be there.
            if (item == null) continue;
            var applicant = item.channels().contains("PERSON") ? citizen : enterprise;
            var number = cases.submit(Applications.valid(
                    cases, catalog, item.code(), applicant, UUID.randomUUID().toString()));
            var problem = walk(number, applicant, officials);
            if (problem != null) stuck.add(item.nameZh() + " (" + item.departmentCode() + "): " + problem);
            walked++;
        }
        assertThat(stuck).as("items the demo accounts cannot finish").isEmpty();
        assertThat(walked).isGreaterThanOrEqualTo(57);
    }

    /** Acts on every open step with a demo official of its department until the case ends; null when it did. */
    private String walk(String number, UUID applicant, Map<String, List<UUID>> officials) {
        for (int round = 0; round < 12; round++) {
            var open = workflow.openTasks(number);
            if (open.isEmpty()) break;
            for (var task : open) {
                var department = task.department();
                if (department == null) return "waits for the applicant at " + task.step();
                var candidates = officials.getOrDefault(department, List.of());
                if (candidates.isEmpty()) return "no demo official of " + department + " for " + task.step();
                var action = switch (task.step()) {
                    case "accept" -> CaseAction.ACCEPT;
                    case "decide" -> CaseAction.APPROVE;
                    default -> CaseAction.REVIEWED;
                };
                if (!actByOneOf(candidates, number, action)) {
                    return "no demo official of " + department + " may " + action + " (separation of duties)";
                }
            }
        }
        if (!workflow.ended(number)) return "still open after 12 rounds";
        var status = cases.mine(number, applicant).status();
        return status == CaseStatus.APPROVED ? null : "ended as " + status;
    }

    private boolean actByOneOf(List<UUID> candidates, String number, CaseAction action) {
        for (var official : candidates) {
            try {
                handling.act(official, number, action, action == CaseAction.APPROVE ? "准予" : "");
                return true;
            } catch (DutiesSeparatedException e) {
                // This one accepted or reviewed it: the next official of the department decides.
            }
        }
        return false;
    }

    /** The officials' rows of the README's demo accounts table, by the department each works in. */
    private Map<String, List<UUID>> readmeOfficialsByDepartment() throws IOException {
        var readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        var table = readme.substring(readme.indexOf("## Demo accounts"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        var byDepartment = new LinkedHashMap<String, List<UUID>>();
        for (var line : table.lines().toList()) {
            var m = ROW.matcher(line);
            if (!m.find()) continue;
            var account = id(m.group(1));
            departments
                    .departmentOf(account)
                    .ifPresent(d -> byDepartment
                            .computeIfAbsent(d, k -> new ArrayList<>())
                            .add(account));
        }
        return byDepartment;
    }

    /** Department and Chinese name of each demo item. */
    private static List<String> demoItems() throws IOException {
        try (var in = DemoItemsHandledTests.class.getResourceAsStream("/catalog/demo-items.psv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|"))
                    .map(f -> f[0] + "|" + f[1])
                    .toList();
        }
    }

    private UUID id(String login) {
        return accounts.findByIdentifier(login)
                .orElseThrow(() -> new AssertionError("README lists " + login + ", which the demo data lacks"))
                .id();
    }
}
