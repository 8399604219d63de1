package io.drsuite.relationship.service;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.ReplicationConnection;
import io.drsuite.events.task.DrTasks;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.Relationship;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads a relationship's lag live from its primary and its DR main standby. */
@ApplicationScoped
public class ReplicationLagReader {

    private final ClusterAccess access;

    ReplicationLagReader(ClusterAccess access) {
        this.access = access;
    }

    public ReplicationLag read(Relationship relationship) {
        Optional<Cluster> primary = Cluster.findByName(relationship.primaryCluster);
        Optional<Cluster> dr = Cluster.findByName(relationship.drCluster);
        if (primary.isEmpty() || dr.isEmpty()) {
            return ReplicationLag.unreadable("a cluster of the relationship is no longer registered");
        }
        String applicationName = DrTasks.slotName(relationship.name);
        Lsn written;
        Double seconds;
        try (NodeSession session = access.connector().open(
                ClusterAccess.endpoint(ClusterAccess.mainNode(primary.get())), access.admin(primary.get()))) {
            written = session.currentLsn();
            seconds = session.replicationConnection(applicationName).map(ReplicationConnection::replayLagSeconds)
                    .orElse(null);
        } catch (SQLException e) {
            return ReplicationLag.unreadable("primary " + relationship.primaryCluster + ": " + e.getMessage());
        }
        try (NodeSession session = access.connector().open(
                ClusterAccess.endpoint(ClusterAccess.mainNode(dr.get())), access.admin(dr.get()))) {
            boolean streaming = session.walReceiver().streaming();
            Optional<Lsn> replayed = session.replayLsn();
            Long bytes = replayed.map(written::bytesAfter).orElse(null);
            Double lagSeconds = bytes != null && bytes == 0 ? Double.valueOf(0) : seconds;
            return new ReplicationLag(bytes, lagSeconds, streaming, Instant.now(), null);
        } catch (SQLException e) {
            return ReplicationLag.unreadable("DR cluster " + relationship.drCluster + ": " + e.getMessage());
        }
    }
}
