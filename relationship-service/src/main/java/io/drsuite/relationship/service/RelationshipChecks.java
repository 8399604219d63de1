package io.drsuite.relationship.service;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.HostExecutor;
import io.drsuite.clusterclient.host.HostUnreachableException;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The live checks before a relationship is created: every node of both clusters answers, the primary cluster's
 * main node is a primary, and each DR node's data directory can be reached for file operations (the DR side is
 * rebuilt through them).
 */
@ApplicationScoped
public class RelationshipChecks {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final NodeProbe probe;
    private final ClusterAccess access;

    RelationshipChecks(NodeProbe probe, ClusterAccess access) {
        this.probe = probe;
        this.access = access;
    }

    public void verify(Cluster primary, Cluster dr) {
        verifyNodesAnswer(primary, true);
        verifyNodesAnswer(dr, false);
        for (ClusterNodeEntity node : dr.nodes) {
            verifyFileAccess(dr, node);
        }
    }

    private void verifyNodesAnswer(Cluster cluster, boolean mainMustBePrimary) {
        Login admin = access.admin(cluster);
        List<NodeProbe.Target> targets = cluster.nodes.stream()
                .map(node -> new NodeProbe.Target(node.name, node.host, node.port)).toList();
        for (NodeProbe.Result result : probe.probeAll(targets, admin.username(), admin.password())) {
            if (!result.reachable()) {
                throw ProblemException.unprocessable("node-unreachable", "Node unreachable", "node "
                        + result.target().nodeName() + " of cluster " + cluster.name + " ("
                        + result.target().address() + ") does not answer: " + result.failure().reason());
            }
        }
        if (mainMustBePrimary) {
            ClusterNodeEntity main = cluster.mainNode();
            NodeProbe.Result result = probe.probe(new NodeProbe.Target(main.name, main.host, main.port),
                    admin.username(), admin.password());
            if (result.facts().inRecovery()) {
                throw ProblemException.unprocessable("not-a-primary", "Not a primary", "node " + main.name
                        + " of cluster " + cluster.name + " is in recovery; the primary cluster needs a primary");
            }
        }
    }

    private void verifyFileAccess(Cluster cluster, ClusterNodeEntity node) {
        HostExecutor executor = access.executors().forAccess(node.access());
        String parent = String.valueOf(Path.of(node.dataDirectory).getParent());
        try {
            CommandResult control = executor.run(access.tools(cluster).controlData(node.dataDirectory),
                    COMMAND_TIMEOUT);
            if (!control.succeeded()) {
                throw hostProblem(cluster, node, "pg_controldata cannot read " + node.dataDirectory + " ("
                        + executor.describe() + "): " + control.stderr().strip());
            }
            if (!new NodeFiles(executor).isWritableDirectory(parent)) {
                throw hostProblem(cluster, node, parent + " is not writable (" + executor.describe()
                        + "); a rebuild keeps the previous data directory next to the new one");
            }
        } catch (HostUnreachableException e) {
            throw hostProblem(cluster, node, e.getMessage());
        }
    }

    private static ProblemException hostProblem(Cluster cluster, ClusterNodeEntity node, String reason) {
        return ProblemException.unprocessable("host-unreachable", "Host not reachable for file operations",
                "node " + node.name + " of cluster " + cluster.name + ": " + reason);
    }
}
