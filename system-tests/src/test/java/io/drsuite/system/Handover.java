package io.drsuite.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A monitor-service replica killed with SIGKILL, and how long its clusters went unwatched: from the kill until every
 * cluster of the fleet has a node sample taken after it; until the nodes the killed replica had a session on have
 * one; and until each of those has a session of another replica. The last two are known only when the replicas'
 * sessions carry their instance ids (null otherwise, or when not reached within the limit).
 */
record Handover(String killed, int nodesItWatched, Duration everyClusterSampled, Duration itsNodesSampled,
        Duration itsNodesWatchedAgain) {

    private static final Duration LOOK_EVERY = Duration.ofMillis(200);

    /** Kills {@code victim} and watches the single-node clusters {@code clusters} for at most {@code atMost}. */
    static Handover killAndTime(MonitorReplica victim, NodeSessions sessions, Collection<String> clusters,
            Duration atMost) throws InterruptedException {
        Set<String> itsNodes = sessions.monitorInstances().entrySet().stream()
                .filter(node -> node.getValue().containsKey(victim.instanceId())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Instant killedAt = Instant.now();
        long start = System.nanoTime();
        victim.kill();
        Duration everyCluster = null;
        Duration itsSampled = null;
        Duration itsWatched = null;
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(atMost) < 0
                && (everyCluster == null || !itsNodes.isEmpty() && (itsSampled == null || itsWatched == null))) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Set<String> sampled = NodeSampleTable.clustersSampledAfter(killedAt);
            if (everyCluster == null && sampled.containsAll(clusters)) {
                everyCluster = elapsed;
            }
            if (itsSampled == null && !itsNodes.isEmpty() && sampled.containsAll(itsNodes)) {
                itsSampled = elapsed;
            }
            if (itsWatched == null && !itsNodes.isEmpty() && watchedByOthers(itsNodes, victim, sessions)) {
                itsWatched = elapsed;
            }
            Thread.sleep(LOOK_EVERY.toMillis());
        }
        return new Handover(victim.instanceId(), itsNodes.size(), everyCluster, itsSampled, itsWatched);
    }

    private static boolean watchedByOthers(Set<String> nodes, MonitorReplica victim, NodeSessions sessions) {
        Map<String, Map<String, Integer>> watchers = sessions.monitorInstances();
        return nodes.stream().allMatch(node -> watchers.getOrDefault(node, Map.of()).keySet().stream()
                .anyMatch(instance -> !instance.equals(victim.instanceId())));
    }
}
