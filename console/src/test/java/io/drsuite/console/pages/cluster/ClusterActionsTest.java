package io.drsuite.console.pages.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Which operations a cluster page offers to whom, and what its dialogs say will happen, from a cluster of real shape:
 * the reasons are the user's role first, then the cluster's state.
 */
class ClusterActionsTest {

    private static final ClusterNode ONE = new ClusterNode("prod-1", "127.0.0.1", 15433, "primary", "local", true,
            null, null, null, null, null, null);
    private static final ClusterNode TWO = new ClusterNode("prod-2", "127.0.0.1", 15434, "standby", "local", true,
            null, 0L, 0.0, "quorum", "streaming", null);
    private static final ClusterNode THREE = new ClusterNode("prod-3", "127.0.0.1", 15435, "standby", "local", true,
            null, 4096L, null, "async", "streaming", null);

    @Test
    void aViewerHasEveryOperationDisabledWithTheReason() {
        ClusterActions actions = ClusterActions.of(cluster(null), signedInAs("viewer"));
        assertThat(actions.switchoverRefusal()).isEqualTo("needs the operator role; you are signed in as viewer");
        assertThat(actions.rebuildRefusal()).isEqualTo("needs the operator role; you are signed in as viewer");
        assertThat(actions.failoverRefusal()).isEqualTo("needs the admin role; you are signed in as viewer");
        assertThat(actions.addRefusal()).isEqualTo("needs the admin role; you are signed in as viewer");
        assertThat(actions.removeRefusalFor(cluster(null), THREE))
                .isEqualTo("needs the admin role; you are signed in as viewer");
    }

    @Test
    void anOperatorSwitchesOverAndRebuildsButNeedsAnAdminForTheRest() {
        ClusterActions actions = ClusterActions.of(cluster(null), signedInAs("operator"));
        assertThat(actions.switchoverRefusal()).isNull();
        assertThat(actions.rebuildRefusal()).isNull();
        assertThat(actions.failoverRefusal()).isEqualTo("needs the admin role; you are signed in as operator");
        assertThat(actions.addRefusal()).startsWith("needs the admin role");
    }

    @Test
    void anAdminIsHeldBackOnlyByTheClusterState() {
        ClusterActions idle = ClusterActions.of(cluster(null), signedInAs("admin"));
        assertThat(List.of(String.valueOf(idle.switchoverRefusal()), String.valueOf(idle.failoverRefusal()),
                String.valueOf(idle.addRefusal()))).containsOnly("null");
        assertThat(idle.removeRefusalFor(cluster(null), THREE)).isNull();
        assertThat(idle.removeRefusalFor(cluster(null), TWO)).contains("synchronous standbys");

        ClusterDetail busy = cluster(new ClusterDetail.RunningOperation(UUID.randomUUID(), "cluster.rebuild-node",
                "prod-3", "rebuild-node", 40, null));
        ClusterActions running = ClusterActions.of(busy, signedInAs("admin"));
        assertThat(running.switchoverRefusal()).isEqualTo(ClusterActions.RUNNING);
        assertThat(running.failoverRefusal()).isEqualTo(ClusterActions.RUNNING);
        assertThat(running.rebuildRefusal()).isEqualTo(ClusterActions.RUNNING);
        assertThat(running.addRefusal()).isEqualTo(ClusterActions.RUNNING);
        assertThat(running.removeRefusalFor(busy, THREE)).isEqualTo(ClusterActions.RUNNING);
    }

    @Test
    void theDrSideOfARelationshipIsOperatedThroughTheRelationship() {
        ClusterDetail dr = new ClusterDetail(UUID.randomUUID(), "dr", "17.2", List.of(ONE, TWO), 0, List.of(), null,
                null, new RelationshipRef(UUID.randomUUID().toString(), "shop", "disaster_standby", "active"));
        assertThat(ClusterActions.of(dr, signedInAs("admin")).switchoverRefusal())
                .isEqualTo("the cluster is the DR side of relationship shop; use the relationship's operations");
    }

    @Test
    void theDialogsSayWhatHappensToWhichServer() {
        ClusterDetail cluster = cluster(null);
        assertThat(cluster.switchoverWords(TWO)).startsWith("prod-1 (127.0.0.1:15433) will be stopped cleanly and "
                + "prod-2 (127.0.0.1:15434) promoted").contains("prod-3 follow the new primary")
                .contains("Writes pause for about a second");
        assertThat(cluster.failoverWords()).contains("prod-1 (127.0.0.1:15433) is treated as lost")
                .contains("prod-2, prod-3");
        assertThat(cluster.rebuildWords(THREE)).startsWith("prod-3 (127.0.0.1:15435) will be stopped and rebuilt "
                + "from prod-1 (127.0.0.1:15433)");
        assertThat(cluster.removeWords(THREE)).contains("replication slot on prod-1");
        assertThat(cluster.synchronousStandbys()).isEqualTo("ANY 1 of prod-2");
    }

    private static ClusterDetail cluster(ClusterDetail.RunningOperation operation) {
        return new ClusterDetail(UUID.randomUUID(), "prod", "17.2", List.of(ONE, TWO, THREE), 1, List.of("prod-2"),
                operation, null, null);
    }

    /** ConsoleUser.refusalFor's wording for a user of the given role. */
    private static UnaryOperator<String> signedInAs(String role) {
        List<String> ranks = List.of("viewer", "operator", "admin");
        return needed -> ranks.indexOf(role) >= ranks.indexOf(needed) ? null
                : "needs the " + needed + " role; you are signed in as " + role;
    }
}
