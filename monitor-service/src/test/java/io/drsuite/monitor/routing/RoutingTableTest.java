package io.drsuite.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.health.LatestHealth;
import io.drsuite.monitor.health.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing rules on made-up polls: which node is a cluster's primary, which side of a relationship takes writes
 * (also while a switchover hands over), the replicas' lag, and stale samples.
 */
class RoutingTableTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(9);
    private final Instant now = Instant.now();
    private final Map<String, List<String>> clusters = new LinkedHashMap<>();
    private final Map<String, NodeHealth> health = new HashMap<>();

    @Test
    void theWritableNodeIsThePrimaryAndAStreamingStandbyAReplica() {
        clusters.put("shop", List.of("a", "b", "c"));
        primary("shop", "a", 1, 10_000);
        standby("shop", "b", 9_000, true);
        standby("shop", "c", 10_000, false);
        RoutingTable table = RoutingTable.of(clusters, List.of(), health);

        assertThat(primary(table, "shop", "a")).isEqualTo(RouteStatus.PRIMARY);
        assertThat(replica(table, "shop", "a", 1 << 20)).isEqualTo(RouteStatus.PRIMARY);
        assertThat(primary(table, "shop", "b")).isEqualTo(RouteStatus.STANDBY);
        assertThat(replica(table, "shop", "b", 1000)).isEqualTo(RouteStatus.REPLICA);
        assertThat(replica(table, "shop", "b", 999)).isEqualTo(RouteStatus.LAGGING);
        assertThat(replica(table, "shop", "c", 1 << 20)).isEqualTo(RouteStatus.NOT_STREAMING);
    }

    @Test
    void ofTwoWritableNodesOnlyTheOneOnTheHigherTimelineIsThePrimaryAndOnATieNeither() {
        clusters.put("shop", List.of("a", "b"));
        primary("shop", "a", 1, 10_000);
        primary("shop", "b", 2, 20_000);
        assertThat(primary(RoutingTable.of(clusters, List.of(), health), "shop", "b")).isEqualTo(RouteStatus.PRIMARY);
        assertThat(primary(RoutingTable.of(clusters, List.of(), health), "shop", "a")).isEqualTo(RouteStatus.CONFLICT);

        primary("shop", "a", 2, 10_000);
        RoutingTable tie = RoutingTable.of(clusters, List.of(), health);
        assertThat(primary(tie, "shop", "a")).isEqualTo(RouteStatus.CONFLICT);
        assertThat(primary(tie, "shop", "b")).isEqualTo(RouteStatus.CONFLICT);
    }

    @Test
    void theDrSideTakesNoWritesUntilASwitchoverPromotedItAndTheProductionSideStoppedWriting() {
        clusters.put("prod", List.of("p1"));
        clusters.put("dr", List.of("d1"));
        primary("prod", "p1", 1, 50_000);
        standby("dr", "d1", 40_000, true);
        RelationshipSides active = new RelationshipSides("shop", RelationshipPhase.ACTIVE, "prod", "dr");
        RoutingTable steady = RoutingTable.of(clusters, List.of(active), health);
        assertThat(primary(steady, "dr", "d1")).isEqualTo(RouteStatus.STANDBY);
        assertThat(replica(steady, "dr", "d1", 10_000)).as("lag against the production primary")
                .isEqualTo(RouteStatus.REPLICA);
        assertThat(replica(steady, "dr", "d1", 9_999)).isEqualTo(RouteStatus.LAGGING);

        RelationshipSides switching = new RelationshipSides("shop", RelationshipPhase.SWITCHING_OVER, "prod", "dr");
        primary("dr", "d1", 2, 60_000);
        assertThat(primary(RoutingTable.of(clusters, List.of(active), health), "dr", "d1"))
                .isEqualTo(RouteStatus.DR_SIDE);
        assertThat(primary(RoutingTable.of(clusters, List.of(switching), health), "dr", "d1"))
                .as("the production primary still writes").isEqualTo(RouteStatus.DR_SIDE);

        health.put(LatestHealth.key("prod", "p1"), NodeHealth.unreachable("prod", "p1", "stopped"));
        RoutingTable handedOver = RoutingTable.of(clusters, List.of(switching), health);
        assertThat(primary(handedOver, "dr", "d1")).isEqualTo(RouteStatus.PRIMARY);
        assertThat(primary(handedOver, "prod", "p1")).isEqualTo(RouteStatus.UNREACHABLE);

        RelationshipSides swapped = new RelationshipSides("shop", RelationshipPhase.ACTIVE, "dr", "prod");
        primary("prod", "p1", 1, 50_000);
        RoutingTable after = RoutingTable.of(clusters, List.of(swapped), health);
        assertThat(primary(after, "dr", "d1")).isEqualTo(RouteStatus.PRIMARY);
        assertThat(primary(after, "prod", "p1")).as("the old primary came back writable")
                .isEqualTo(RouteStatus.DR_SIDE);
    }

    @Test
    void anOldSampleIsStaleAndANodeNeverPolledToo() {
        clusters.put("shop", List.of("a", "b"));
        health.put(LatestHealth.key("shop", "a"), sample("shop", "a", false, 1, 10_000L, null, null,
                now.minus(MAX_AGE).minusMillis(1)));
        RoutingTable table = RoutingTable.of(clusters, List.of(), health);
        assertThat(primary(table, "shop", "a")).isEqualTo(RouteStatus.STALE);
        assertThat(primary(table, "shop", "b")).isEqualTo(RouteStatus.STALE);
        assertThat(table.node("shop", "z")).isEmpty();
    }

    private RouteStatus primary(RoutingTable table, String cluster, String node) {
        return table.node(cluster, node).orElseThrow().primary(now, MAX_AGE);
    }

    private RouteStatus replica(RoutingTable table, String cluster, String node, long maxLag) {
        return table.node(cluster, node).orElseThrow().replica(now, MAX_AGE, maxLag);
    }

    private void primary(String cluster, String node, int timeline, long lsn) {
        health.put(LatestHealth.key(cluster, node), sample(cluster, node, false, timeline, lsn, null, null, now));
    }

    private void standby(String cluster, String node, long replayLsn, boolean streaming) {
        health.put(LatestHealth.key(cluster, node), sample(cluster, node, true, 1, null, replayLsn,
                streaming ? WalReceiver.Status.STREAMING : WalReceiver.Status.WAITING, now));
    }

    private static NodeHealth sample(String cluster, String node, boolean inRecovery, int timeline, Long currentLsn,
            Long replayLsn, WalReceiver.Status receiver, Instant at) {
        return new NodeHealth(cluster, node, at, true, null, inRecovery, timeline,
                currentLsn == null ? null : new Lsn(currentLsn), replayLsn == null ? null : new Lsn(replayLsn),
                replayLsn == null ? null : new Lsn(replayLsn), null, receiver, null, List.of(), List.of(), List.of(),
                null, null);
    }
}
