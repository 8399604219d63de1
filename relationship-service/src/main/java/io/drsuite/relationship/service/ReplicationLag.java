package io.drsuite.relationship.service;

import java.time.Instant;

/**
 * Replication lag of a relationship's DR main standby behind the primary, read live from both.
 *
 * @param bytes WAL written on the primary and not yet replayed on the DR main standby
 * @param seconds time between a commit on the primary and its replay on the DR side ({@code replay_lag}); 0 when
 *        nothing is waiting to be replayed
 * @param drStreaming whether the DR main standby's WAL receiver streams
 * @param error why it could not be read, when it could not
 */
public record ReplicationLag(Long bytes, Double seconds, boolean drStreaming, Instant measuredAt, String error) {

    public static ReplicationLag unreadable(String reason) {
        return new ReplicationLag(null, null, false, Instant.now(), reason);
    }
}
