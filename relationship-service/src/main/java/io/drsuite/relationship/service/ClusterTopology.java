package io.drsuite.relationship.service;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.service.NodeProbe.NodeFacts;
import io.drsuite.relationship.service.NodeProbe.Result;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What registration accepts as a cluster: every node answers, all nodes share one system identifier (a primary and
 * standbys built from it), and exactly one of them is a primary.
 */
public record ClusterTopology(List<Result> nodes, NodeFacts primary) {

    /**
     * @throws ProblemException (422) naming the nodes at fault and why
     */
    public static ClusterTopology verify(List<Result> probed) {
        List<Result> unreachable = probed.stream().filter(result -> !result.reachable()).toList();
        if (!unreachable.isEmpty()) {
            throw ProblemException.unprocessable("node-unreachable", "Node unreachable",
                    unreachable.stream().map(r -> "node '" + r.target().nodeName() + "' (" + r.target().address()
                            + ") cannot be reached: " + r.failure().reason()).collect(Collectors.joining("; ")));
        }
        Map<String, List<String>> bySystem = probed.stream().collect(Collectors.groupingBy(
                r -> r.facts().systemIdentifier(), Collectors.mapping(r -> r.target().nodeName(), Collectors.toList())));
        if (bySystem.size() > 1) {
            throw ProblemException.unprocessable("mixed-clusters", "Nodes of different clusters",
                    "the nodes belong to different PostgreSQL clusters (system identifiers): " + bySystem);
        }
        List<Result> primaries = probed.stream().filter(r -> !r.facts().inRecovery()).toList();
        if (primaries.isEmpty()) {
            throw ProblemException.unprocessable("no-primary", "No primary",
                    "no node is a primary: every node is in recovery ("
                            + probed.stream().map(r -> r.target().nodeName()).collect(Collectors.joining(", ")) + ")");
        }
        if (primaries.size() > 1) {
            throw ProblemException.unprocessable("several-primaries", "More than one primary",
                    "more than one node accepts writes: " + primaries.stream()
                            .map(r -> "'" + r.target().nodeName() + "' (" + r.target().address() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return new ClusterTopology(probed, primaries.get(0).facts());
    }

    public boolean isPrimary(String nodeName) {
        return nodes.stream().anyMatch(r -> r.target().nodeName().equals(nodeName) && !r.facts().inRecovery());
    }
}
