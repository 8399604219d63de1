package io.drsuite.monitor.health;

import io.drsuite.events.relationship.ClusterState;
import java.time.Instant;
import java.util.UUID;

/**
 * How far a relationship's DR main standby is behind its primary, from one poll of both.
 *
 * @param lagBytes primary's write position minus the DR main standby's replay position
 * @param lagSeconds time since the last transaction the DR side replayed, while it has WAL left to replay; 0 when
 *        it has replayed everything
 * @param rpoEstimateSeconds the data a failover now would lose, in time: 0 when the DR side has received all WAL
 *        the primary wrote, otherwise how long ago the DR side last replayed a commit
 * @param primaryState {@code archive} while the DR main standby streams from the primary, else {@code archive_fail}
 * @param drState {@code recovery} while it streams, else {@code recovery_fail}
 * @param reason why the link is broken beyond repair by waiting (the relationship's slot was invalidated); null
 *        otherwise
 */
public record RelationshipHealth(
        UUID relationshipId,
        String name,
        Instant sampledAt,
        Long lagBytes,
        Double lagSeconds,
        Double rpoEstimateSeconds,
        ClusterState primaryState,
        ClusterState drState,
        String reason) {
}
