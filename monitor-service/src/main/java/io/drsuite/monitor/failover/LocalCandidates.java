package io.drsuite.monitor.failover;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.monitor.health.NodeHealth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which standby a cluster whose primary is lost would fail over to, or why none may be chosen: the standbys must
 * agree the primary is gone (one whose WAL receiver lost it, none still streaming from it), and the standby that
 * holds the most WAL must be within the allowed lag of the primary's last write position seen.
 */
public final class LocalCandidates {

    private LocalCandidates() {
    }

    /** The standby chosen and how far it is behind the primary's last position seen. */
    public record Candidate(String node, Lsn heldLsn, long lagBytes) {
    }

    /** A candidate, or why there is none. */
    public record Choice(Optional<Candidate> candidate, String holdBack) {

        static Choice of(Candidate candidate) {
            return new Choice(Optional.of(candidate), null);
        }

        static Choice held(String reason) {
            return new Choice(Optional.empty(), reason);
        }
    }

    /**
     * @param nodes the cluster's registered nodes (their addresses tell a cascading standby's upstream)
     * @param mainNode the node registered as primary, the one that is lost
     * @param health the latest sample of each node, by node name
     * @param lastPrimaryLsn the primary's write position at the last poll that found it writable; null if unknown
     */
    public static Choice choose(List<ClusterNode> nodes, String mainNode, Map<String, NodeHealth> health,
            Lsn lastPrimaryLsn, long maxLagBytes) {
        List<NodeHealth> standbys = nodes.stream().filter(node -> !node.name().equals(mainNode))
                .map(node -> health.get(node.name())).filter(sample -> sample != null && sample.isStandby())
                .toList();
        if (standbys.isEmpty()) {
            return Choice.held("no standby of the cluster answers");
        }
        Set<String> siblings = nodes.stream().filter(node -> !node.name().equals(mainNode))
                .map(node -> node.host() + ":" + node.port()).collect(Collectors.toSet());
        Optional<NodeHealth> stillStreaming = standbys.stream()
                .filter(standby -> standby.streams() && !siblings.contains(standby.upstream())).findFirst();
        if (stillStreaming.isPresent()) {
            return Choice.held("standby " + stillStreaming.get().node()
                    + " still streams from the primary (a witness disagrees)");
        }
        if (standbys.stream().allMatch(NodeHealth::streams)) {
            return Choice.held("no standby's WAL receiver has lost the primary");
        }
        if (lastPrimaryLsn == null) {
            return Choice.held("the primary's last write position is unknown");
        }
        Optional<NodeHealth> best = standbys.stream().filter(standby -> standby.heldLsn() != null)
                .max(Comparator.comparing(NodeHealth::heldLsn));
        if (best.isEmpty()) {
            return Choice.held("no standby reports the WAL it holds");
        }
        long lag = lastPrimaryLsn.bytesAfter(best.get().heldLsn());
        if (lag > maxLagBytes) {
            return Choice.held("the most advanced standby " + best.get().node() + " is " + lag
                    + " bytes behind the primary's last position, above the allowed " + maxLagBytes + " bytes");
        }
        return Choice.of(new Candidate(best.get().node(), best.get().heldLsn(), lag));
    }
}
