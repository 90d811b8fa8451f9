package org.tongban.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.identity.OrgUnitView;

/** The organisation tree as the directory shows it: regions with their sub-regions and departments. */
public final class OrgTree {

    /** A unit in the viewer's language; a department's {@code officials} is how many work there. */
    public record Node(String code, String kind, String name, int officials, List<Node> children) {

        public boolean department() {
            return kind.equals("DEPARTMENT");
        }

        /** Regions below this one and departments here, with how many officials in all. */
        public int total() {
            return department()
                    ? officials
                    : children.stream().mapToInt(Node::total).sum();
        }
    }

    private OrgTree() {}

    static List<Node> of(List<OrgUnitView> units, Map<String, Integer> counts, Locale locale) {
        var english = "en".equals(locale.getLanguage());
        var children = new HashMap<String, List<OrgUnitView>>();
        var roots = new ArrayList<OrgUnitView>();
        var known = new java.util.HashSet<String>();
        for (var u : units) known.add(u.code());
        for (var u : units) {
            if (u.parentCode() == null || !known.contains(u.parentCode())) roots.add(u);
            else
                children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
        }
        return roots.stream().map(r -> node(r, children, counts, english)).toList();
    }

    private static Node node(
            OrgUnitView u, Map<String, List<OrgUnitView>> children, Map<String, Integer> counts, boolean english) {
        // Departments of the region first, then the regions below it (units arrive ordered by kind, then code).
        var below = children.getOrDefault(u.code(), List.of()).stream()
                .sorted((a, b) -> Boolean.compare(
                        !a.kind().equals("DEPARTMENT"), !b.kind().equals("DEPARTMENT")))
                .map(c -> node(c, children, counts, english))
                .toList();
        return new Node(u.code(), u.kind(), english ? u.nameEn() : u.nameZh(), counts.getOrDefault(u.code(), 0), below);
    }

    static @Nullable Node find(List<Node> nodes, String code) {
        for (var n : nodes) {
            if (n.code().equals(code)) return n;
            var below = find(n.children(), code);
            if (below != null) return below;
        }
        return null;
    }
}
