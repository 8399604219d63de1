package io.drsuite.snapshot.pitr;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.RestorePointRequest;
import io.drsuite.snapshot.model.RestorePoint;
import io.drsuite.snapshot.service.ClusterInspector;
import io.drsuite.snapshot.service.ClusterInspector.CreatedRestorePoint;
import io.drsuite.snapshot.service.SnapshotRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Named restore points: written into the cluster's WAL on its primary, then recorded, so a point-in-time restore can
 * name "before the migration" instead of a time.
 */
@ApplicationScoped
public class RestorePointService {

    private final SnapshotRules rules;
    private final ClusterInspector inspector;

    RestorePointService(SnapshotRules rules, ClusterInspector inspector) {
        this.rules = rules;
        this.inspector = inspector;
    }

    @Transactional
    public RestorePoint create(RestorePointRequest request) {
        KnownCluster cluster = rules.cluster(request.cluster());
        RestorePoint.named(cluster.name, request.name()).ifPresent(existing -> {
            throw ProblemException.conflict("restore-point-exists", "cluster '" + cluster.name + "' has a restore "
                    + "point named '" + request.name() + "' already (at " + existing.lsn + ", " + existing.createdAt
                    + "); choose another name");
        });
        CreatedRestorePoint created = inspector.createRestorePoint(cluster, request.name());
        RestorePoint point = new RestorePoint();
        point.id = UUID.randomUUID();
        point.cluster = cluster.name;
        point.name = request.name();
        point.lsn = created.lsn();
        point.timeline = created.timeline();
        point.createdAt = Instant.now();
        point.requestedBy = ChangeOrigins.current().requestedBy();
        point.persist();
        return point;
    }

    public List<RestorePoint> restorePoints(String cluster) {
        return RestorePoint.newestFirst(cluster);
    }
}
