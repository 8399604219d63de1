package io.drsuite.task.cluster;

import io.drsuite.clusterclient.Login;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedNode;

/**
 * The primary a standby streams from, with its cluster's logins: the replication login for streaming and full
 * builds, the admin login for {@code pg_rewind} and for watching {@code pg_stat_replication}.
 */
public record Upstream(ManagedNode node, Login admin, Login replication) {

    public static Upstream of(ManagedCluster cluster, ManagedNode primary) {
        return new Upstream(primary, cluster.admin(), cluster.replication());
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
