package io.pactport.retention.repository;

import io.pactport.retention.selectors.KeepSelector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Pact Broker's selector semantics ({@code Version.for_selector}) written plainly over rows loaded into memory, to
 * check the SQL against: filter the versions by every property, then "latest" as the highest order per pacticipant
 * (and per tag name for {@code tag:true}), or the branch heads for branch selectors.
 */
final class SelectorOracle {

    record Version(
            long id,
            long pacticipantId,
            String pacticipant,
            long order,
            LocalDateTime createdAt,
            Set<String> tags,
            Set<String> branches,
            Set<String> heads,
            String mainBranch,
            Set<String> deployedIn,
            Set<String> supportedIn) {}

    private final List<Version> versions;

    private SelectorOracle(List<Version> versions) {
        this.versions = versions;
    }

    static SelectorOracle load(Connection c) throws SQLException {
        Map<Long, Set<String>> tags = pairs(c, "SELECT version_id, name FROM tags");
        Map<Long, Set<String>> branches = pairs(c, "SELECT version_id, branch_name FROM branch_versions");
        Map<Long, Set<String>> heads = pairs(c, "SELECT version_id, branch_name FROM branch_heads");
        Map<Long, Set<String>> deployed = pairs(c, """
                SELECT dv.version_id, e.name FROM deployed_versions dv JOIN environments e ON e.id = dv.environment_id
                WHERE dv.id IN (SELECT deployed_version_id FROM currently_deployed_version_ids)
                """);
        Map<Long, Set<String>> supported = pairs(c, """
                SELECT rv.version_id, e.name FROM released_versions rv JOIN environments e ON e.id = rv.environment_id
                WHERE rv.support_ended_at IS NULL
                """);
        List<Version> versions = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT v.id, v.pacticipant_id, p.name, v."order", v.created_at, p.main_branch
                FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
                """)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                versions.add(new Version(
                        id,
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, LocalDateTime.class),
                        tags.getOrDefault(id, Set.of()),
                        branches.getOrDefault(id, Set.of()),
                        heads.getOrDefault(id, Set.of()),
                        rs.getString(6),
                        deployed.getOrDefault(id, Set.of()),
                        supported.getOrDefault(id, Set.of())));
            }
        }
        return new SelectorOracle(versions);
    }

    Set<Long> ids() {
        return versions.stream().map(Version::id).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<Long> keep(List<KeepSelector> selectors, LocalDateTime today) {
        Set<Long> kept = new TreeSet<>();
        for (KeepSelector s : selectors) {
            kept.addAll(keep(s, today));
        }
        return kept;
    }

    Set<Long> keep(KeepSelector s, LocalDateTime today) {
        Predicate<Version> filter = v -> true;
        if (s.pacticipant() != null) {
            filter = filter.and(v -> v.pacticipant().equals(s.pacticipant()));
        }
        if (s.environment() != null) {
            filter = filter.and(v ->
                    v.deployedIn().contains(s.environment()) || v.supportedIn().contains(s.environment()));
        }
        if (s.deployed()) {
            filter = filter.and(v -> !v.deployedIn().isEmpty());
        }
        if (s.released()) {
            filter = filter.and(v -> !v.supportedIn().isEmpty());
        }
        if (s.tag() instanceof KeepSelector.Name.Named named) {
            filter = filter.and(v -> v.tags().contains(named.name()));
        } else if (s.tag() != null) {
            filter = filter.and(v -> !v.tags().isEmpty());
        }
        if (s.maxAge() != null) {
            LocalDateTime cutOff = today.minusDays(s.maxAge());
            filter = filter.and(v -> !v.createdAt().isBefore(cutOff));
        }
        boolean latestApplied = false;
        if (s.mainBranch()) {
            latestApplied = s.latest();
            filter = filter.and(
                    v -> v.mainBranch() != null && (s.latest() ? v.heads() : v.branches()).contains(v.mainBranch()));
        }
        if (s.branch() != null) {
            latestApplied = latestApplied || s.latest();
            Optional<String> name =
                    s.branch() instanceof KeepSelector.Name.Named n ? Optional.of(n.name()) : Optional.empty();
            filter = filter.and(v -> {
                Set<String> on = s.latest() ? v.heads() : v.branches();
                return name.map(on::contains).orElse(!on.isEmpty());
            });
        }
        List<Version> matching = versions.stream().filter(filter).toList();
        if (!s.latest() || latestApplied) {
            return matching.stream().map(Version::id).collect(Collectors.toSet());
        }
        Map<String, Version> latest = new HashMap<>();
        for (Version v : matching) {
            Set<String> groups = s.tag() instanceof KeepSelector.Name.Any ? v.tags() : Set.of("");
            for (String group : groups) {
                latest.merge(v.pacticipantId() + "/" + group, v, (a, b) -> a.order() >= b.order() ? a : b);
            }
        }
        return latest.values().stream().map(Version::id).collect(Collectors.toSet());
    }

    private static Map<Long, Set<String>> pairs(Connection c, String sql) throws SQLException {
        Map<Long, Set<String>> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return out;
    }
}
