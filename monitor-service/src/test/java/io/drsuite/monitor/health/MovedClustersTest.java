package io.drsuite.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.routing.RelationshipSides;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which clusters an operation moved between two polls, so their nodes are tried again at once. */
class MovedClustersTest {

    private static final RelationshipSides STARTING = new RelationshipSides("web", RelationshipPhase.STARTING,
            "web-prod", "web-dr");
    private static final RelationshipSides ACTIVE = new RelationshipSides("web", RelationshipPhase.ACTIVE,
            "web-prod", "web-dr");

    @Test
    void nothingMovesWhileTheCatalogsStayTheSame() {
        List<KnownCluster> clusters = List.of(cluster("web-prod", NodeRole.PRIMARY), cluster("web-dr",
                NodeRole.PRIMARY), cluster("other", NodeRole.PRIMARY));
        List<KnownCluster> readAgain = List.of(cluster("web-prod", NodeRole.PRIMARY), cluster("web-dr",
                NodeRole.PRIMARY), cluster("other", NodeRole.PRIMARY));

        assertThat(MovedClusters.between(clusters, List.of(ACTIVE), readAgain, List.of(ACTIVE))).isEmpty();
    }

    @Test
    void aRelationshipThatChangedPhaseMovesBothItsClusters() {
        List<KnownCluster> clusters = List.of(cluster("web-prod", NodeRole.PRIMARY), cluster("web-dr",
                NodeRole.PRIMARY), cluster("other", NodeRole.PRIMARY));

        assertThat(MovedClusters.between(clusters, List.of(STARTING), clusters, List.of(ACTIVE)))
                .containsExactlyInAnyOrder("web-prod", "web-dr");
        assertThat(MovedClusters.between(clusters, List.of(ACTIVE), clusters, List.of()))
                .as("a relationship that stopped").containsExactlyInAnyOrder("web-prod", "web-dr");
    }

    @Test
    void aClusterWhoseNodeChangedRoleMovesAlone() {
        List<KnownCluster> before = List.of(cluster("web-prod", NodeRole.PRIMARY), cluster("other",
                NodeRole.PRIMARY));
        List<KnownCluster> after = List.of(cluster("web-prod", NodeRole.PRIMARY), cluster("other",
                NodeRole.STANDBY));

        assertThat(MovedClusters.between(before, List.of(), after, List.of())).containsExactly("other");
    }

    private static KnownCluster cluster(String name, NodeRole role) {
        KnownCluster cluster = new KnownCluster();
        cluster.name = name;
        cluster.nodes = List.of(new ClusterNode(name + "-a", "127.0.0.1", 5432, "/data/" + name, role,
                new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)));
        return cluster;
    }
}
