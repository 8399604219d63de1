package io.drsuite.snapshot.rest;

import io.drsuite.events.task.WalTasks;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.wal.ArchivedSegment;
import io.drsuite.snapshot.wal.RecoveryWindow;
import io.drsuite.snapshot.wal.WalContinuity;
import io.drsuite.snapshot.wal.WalTaskRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A WAL archive and what its catalog holds.
 *
 * @param state starting, streaming, stopping, stopped or failed
 * @param applicationName what pg_receivewal connects as; list it in synchronous_standby_names for synchronous
 *        archiving
 * @param lastSegmentAgeSeconds seconds since the newest segment was complete: grows when the archive stalls
 * @param gaps the missing stretches in words; empty when the archive is continuous
 * @param recoveryWindow the earliest and latest points a point-in-time restore can reach; null before a physical
 *        snapshot with its WAL archived since
 */
public record WalArchiveView(
        UUID id,
        String cluster,
        String storage,
        String keyPrefix,
        boolean synchronous,
        String state,
        UUID taskId,
        String slot,
        String applicationName,
        String firstSegment,
        String lastSegment,
        Instant lastSegmentClosedAt,
        Double lastSegmentAgeSeconds,
        int segments,
        long bytes,
        List<String> gaps,
        Window recoveryWindow,
        Instant requestedAt,
        Instant stoppedAt,
        String error,
        String requestedBy) {

    /** The recovery window: from {@code start} to {@code end}, {@code seconds} long. */
    public record Window(Instant start, Instant end, double seconds) {
    }

    public static WalArchiveView of(WalArchive archive, WalContinuity continuity, RecoveryWindow window) {
        ArchivedSegment newest = continuity.newest().orElse(null);
        return new WalArchiveView(archive.id, archive.cluster, archive.storage, archive.keyPrefix,
                archive.synchronous, archive.state.wireName(), archive.taskId,
                WalTasks.slotFor(archive.id), WalTaskRequests.applicationName(archive),
                continuity.first().map(ArchivedSegment::fileName).orElse(null),
                newest == null ? null : newest.fileName(), newest == null ? null : newest.closedAt(),
                newest == null ? null : Duration.between(newest.closedAt(), Instant.now()).toMillis() / 1000.0,
                continuity.segmentCount(), continuity.bytes(), continuity.gaps(),
                window.exists() ? new Window(window.start(), window.end(), window.seconds()) : null,
                archive.requestedAt, archive.stoppedAt, archive.error, archive.requestedBy);
    }
}
