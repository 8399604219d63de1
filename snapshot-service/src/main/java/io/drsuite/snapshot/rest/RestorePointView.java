package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.RestorePoint;
import java.time.Instant;
import java.util.UUID;

/** A named restore point: where in the cluster's WAL it was written, when and by whom. */
public record RestorePointView(UUID id, String cluster, String name, String lsn, int timeline, Instant createdAt,
        String requestedBy) {

    public static RestorePointView of(RestorePoint point) {
        return new RestorePointView(point.id, point.cluster, point.name, point.lsn, point.timeline, point.createdAt,
                point.requestedBy);
    }
}
